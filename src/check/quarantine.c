/* quarantine.c — strict mode's quarantine: the rare paths. */
#include "check/quarantine.h"

#include "check/registry.h"
#include "platform/sysalloc.h"

void nbi_quarantine_evict(struct nbi_thread *t, struct nbi_header *h)
{
    void *user = nbi_user_of(h);
    struct nbi_shard *s = nbi_registry_enter(nbi_visitor_of(t), user);
    struct nbi_entry *e = nbi_shard_find(s, user);
    if (e && !nbi_entry_is_live(e))
        nbi_shard_remove(s, e);
    nbi_shard_note_released(s, user); /* still known as released for a while */
    nbi_registry_leave(nbi_visitor_of(t), s);
    nbi_sys_free(h);
}

void nbi_quarantine_flush(struct nbi_thread *t)
{
    struct nbi_quarantine *q = &t->quarantine;
    for (unsigned i = 0; i < NBI_QUARANTINE; i++) {
        struct nbi_header *h = q->block[i];
        q->block[i] = NULL;
        if (h)
            nbi_quarantine_evict(t, h);
    }
}
