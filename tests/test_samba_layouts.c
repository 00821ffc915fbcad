/*
 * test_samba_layouts.c — every structure both Samba's libnetapi (netapi.h)
 * and netapibuf declare has the same layout in both: same size, alignment,
 * field order, field offsets and field sizes, so that Samba's results can be
 * re-packed field for field and programs written for Samba compile against
 * netapibuf.  Every constant both define has the same value.
 *
 * The tables come from samba_layouts_samba.c and samba_layouts_ours.c, whose
 * field lists samba_layouts.awk reads from the two headers' struct
 * definitions.  Every Samba structure must be either ours with the same
 * layout, or listed below as a deliberate difference or skip, with the
 * reason; a listed difference that has disappeared fails too, so the list
 * stays true.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "samba_layouts.h"

enum nb_rule {
    NB_SKIP,          /* not declared by netapibuf (yet) */
    NB_OTHER_NAMES,   /* same layout; netapibuf uses Windows' field names */
    NB_SAME_BYTES,    /* same size and alignment; our fields split the bytes
                         at Samba's field boundaries (fewer, wider fields) */
    NB_PREFIX,        /* Samba's fixed-size struct; ours the same fields, the
                         last one a variable-length array */
    NB_TAIL_EXTRA,    /* Samba's fields identical; ours adds Windows fields
                         in Samba's tail padding (same size) */
    NB_WINDOWS,       /* Windows' layout on purpose: every Samba field name
                         exists in ours, but the layouts differ */
};

static const struct nb_exception {
    const char *samba, *ours; /* struct tags (ours NULL: the same) */
    enum nb_rule rule;
    const char *why;
} exceptions[] = {
    {"NETLOGON_INFO_1", NULL, NB_SKIP, "I_NetLogonControl is not part of netapibuf"},
    {"NETLOGON_INFO_2", NULL, NB_SKIP, "I_NetLogonControl is not part of netapibuf"},
    {"NETLOGON_INFO_3", NULL, NB_SKIP, "I_NetLogonControl is not part of netapibuf"},
    {"NETLOGON_INFO_4", NULL, NB_SKIP, "I_NetLogonControl is not part of netapibuf"},
    {"GUID", NULL, NB_SAME_BYTES,
     "Windows' Data1..Data4 (Data4[8] spans Samba's clock_seq[2] and node[6])"},
    {"domsid", "SID", NB_PREFIX,
     "PSID fields are void *; SID is Windows' variable-length SID, domsid a 15-RID one"},
    {"DOMAIN_CONTROLLER_INFO", NULL, NB_OTHER_NAMES,
     "Windows' names DomainControllerName... for Samba's domain_controller_name..."},
    {"SERVER_INFO_598", NULL, NB_TAIL_EXTRA,
     "Windows' sv598_enableauthenticateusersharing, missing from Samba's"},
    {"USER_INFO_3", NULL, NB_WINDOWS,
     "Windows has usri3_password (NetUserAdd/NetUserSetInfo level 3); Samba omits it"},
    {"USER_INFO_21", NULL, NB_WINDOWS,
     "Windows' BYTE usri21_password[ENCRYPTED_PWLEN]; Samba has a pointer"},
    {"USER_INFO_22", NULL, NB_WINDOWS,
     "Windows' BYTE usri22_password[16] and LMSTR usri22_script_path; Samba has a pointer "
     "and a uint32_t"},
};

/* Fields of the same offset whose size differs on purpose. */
static const struct nb_width_exception {
    const char *samba_struct, *field;
    const char *why;
} width_exceptions[] = {
    {"SERVER_INFO_102", "sv102_hidden",
     "BOOL as in Windows (and netapibuf 1.0); Samba's uint8_t sits at the same offset"},
};

static const struct nb_layout *find(const struct nb_side *side, const char *name)
{
    for (size_t i = 0; i < side->nlayouts; i++)
        if (strcmp(side->layouts[i].name, name) == 0)
            return &side->layouts[i];
    return NULL;
}

static const struct nb_exception *exception_for(const char *samba)
{
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        if (strcmp(exceptions[i].samba, samba) == 0)
            return &exceptions[i];
    return NULL;
}

static int width_exception(const char *samba_struct, const char *field)
{
    for (size_t i = 0; i < sizeof width_exceptions / sizeof width_exceptions[0]; i++)
        if (strcmp(width_exceptions[i].samba_struct, samba_struct) == 0 &&
            strcmp(width_exceptions[i].field, field) == 0)
            return 1;
    return 0;
}

static int same_field(const struct nb_field *a, const struct nb_field *b)
{
    return a->offset == b->offset && a->size == b->size && strcmp(a->name, b->name) == 0;
}

/* Size, alignment and the fields both have, index by index. */
static void compare_fields(const struct nb_layout *s, const struct nb_layout *o, size_t n,
                           int compare_names)
{
    CHECK_MSG_(s->align == o->align, "%s: alignment %zu in Samba, %zu in netapibuf", s->name,
               s->align, o->align);
    for (size_t i = 0; i < n; i++) {
        const struct nb_field *sf = &s->fields[i], *of = &o->fields[i];
        CHECK_MSG_(!compare_names || strcmp(sf->name, of->name) == 0,
                   "%s field %zu: named %s in Samba, %s in netapibuf", s->name, i, sf->name,
                   of->name);
        CHECK_MSG_(sf->offset == of->offset, "%s.%s: offset %zu in Samba, %s.%s at %zu in netapibuf",
                   s->name, sf->name, sf->offset, o->name, of->name, of->offset);
        if (width_exception(s->name, sf->name))
            CHECK_MSG_(sf->size != of->size, "%s.%s: listed as wider than Samba's, but is not",
                       s->name, sf->name);
        else
            CHECK_MSG_(sf->size == of->size, "%s.%s: %zu bytes in Samba, %s.%s %zu bytes in netapibuf",
                       s->name, sf->name, sf->size, o->name, of->name, of->size);
    }
}

static void compare_exact(const struct nb_layout *s, const struct nb_layout *o, int compare_names)
{
    CHECK_MSG_(s->size == o->size, "%s: %zu bytes in Samba, %zu in netapibuf", s->name, s->size,
               o->size);
    CHECK_MSG_(s->nfields == o->nfields, "%s: %zu fields in Samba, %zu in netapibuf", s->name,
               s->nfields, o->nfields);
    compare_fields(s, o, s->nfields < o->nfields ? s->nfields : o->nfields, compare_names);
}

/* Every boundary between our fields is one between Samba's: the same bytes,
   grouped into fewer fields. */
static void compare_same_bytes(const struct nb_layout *s, const struct nb_layout *o)
{
    CHECK_MSG_(s->size == o->size, "%s: %zu bytes in Samba, %zu in netapibuf", s->name, s->size,
               o->size);
    CHECK_MSG_(s->align == o->align, "%s: alignment %zu in Samba, %zu in netapibuf", s->name,
               s->align, o->align);
    for (size_t i = 0; i < o->nfields; i++) {
        size_t start = o->fields[i].offset, end = start + o->fields[i].size;
        int start_ok = 0, end_ok = 0;
        for (size_t j = 0; j < s->nfields; j++) {
            start_ok |= s->fields[j].offset == start;
            end_ok |= s->fields[j].offset + s->fields[j].size == end;
        }
        CHECK_MSG_(start_ok && end_ok, "%s.%s: bytes [%zu, %zu) do not start and end at Samba fields",
                   o->name, o->fields[i].name, start, end);
    }
}

/* A listed difference must still be one, or the list is out of date. */
static int identical(const struct nb_layout *s, const struct nb_layout *o)
{
    if (s->size != o->size || s->align != o->align || s->nfields != o->nfields)
        return 0;
    for (size_t i = 0; i < s->nfields; i++)
        if (!same_field(&s->fields[i], &o->fields[i]))
            return 0;
    return 1;
}

static void compare_windows(const struct nb_layout *s, const struct nb_layout *o)
{
    CHECK_MSG_(!identical(s, o), "%s: listed as laid out as Windows, but identical to Samba's",
               s->name);
    for (size_t i = 0; i < s->nfields; i++) {
        int found = 0;
        for (size_t j = 0; j < o->nfields && !found; j++)
            found = strcmp(s->fields[i].name, o->fields[j].name) == 0;
        CHECK_MSG_(found, "%s.%s: Samba's field is missing from netapibuf's", s->name,
                   s->fields[i].name);
    }
}

TEST(every_samba_struct)
{
    const struct nb_side *samba = &nb_samba_side, *ours = &nb_our_side;
    CHECK(samba->nlayouts > 100); /* the generator found Samba's structures */
    CHECK(ours->nlayouts > 100);
    size_t exact = 0, excepted = 0;
    for (size_t i = 0; i < samba->nlayouts; i++) {
        const struct nb_layout *s = &samba->layouts[i];
        const struct nb_exception *e = exception_for(s->name);
        const struct nb_layout *o = find(ours, e && e->ours ? e->ours : s->name);
        if (e && e->rule == NB_SKIP) {
            CHECK_MSG_(o == NULL, "%s: skipped (%s), but netapibuf declares it now: compare it",
                       s->name, e->why);
            printf("skip %-24s %s\n", s->name, e->why);
            continue;
        }
        CHECK_MSG_(o != NULL, "%s: declared by Samba, not by netapibuf", s->name);
        if (o == NULL)
            continue;
        if (e == NULL) {
            compare_exact(s, o, 1);
            exact++;
            continue;
        }
        excepted++;
        printf("diff %-24s %s\n", s->name, e->why);
        switch (e->rule) {
        case NB_OTHER_NAMES:
            compare_exact(s, o, 0);
            break;
        case NB_SAME_BYTES:
            compare_same_bytes(s, o);
            break;
        case NB_PREFIX:
            CHECK_MSG_(s->nfields == o->nfields, "%s/%s: %zu fields in Samba, %zu in netapibuf",
                       s->name, o->name, s->nfields, o->nfields);
            CHECK_MSG_(o->fields[o->nfields - 1].size * 15 /* MAXSUBAUTHS */ ==
                           s->fields[s->nfields - 1].size,
                       "%s: the last field is not an array of Samba's element size", o->name);
            compare_fields(s, o, s->nfields - 1, 0);
            CHECK_MSG_(s->fields[s->nfields - 1].offset == o->fields[o->nfields - 1].offset,
                       "%s.%s: offset %zu in Samba, %s.%s at %zu", s->name,
                       s->fields[s->nfields - 1].name, s->fields[s->nfields - 1].offset, o->name,
                       o->fields[o->nfields - 1].name, o->fields[o->nfields - 1].offset);
            break;
        case NB_TAIL_EXTRA:
            CHECK_MSG_(s->size == o->size, "%s: %zu bytes in Samba, %zu in netapibuf", s->name,
                       s->size, o->size);
            CHECK_MSG_(o->nfields > s->nfields, "%s: listed as adding fields, but adds none",
                       s->name);
            compare_fields(s, o, s->nfields < o->nfields ? s->nfields : o->nfields, 1);
            break;
        case NB_WINDOWS:
            compare_windows(s, o);
            break;
        case NB_SKIP:
            break;
        }
    }
    printf("%zu structures identical to Samba's, %zu with the differences listed\n", exact,
           excepted);
    /* Every exception names a structure Samba still declares. */
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        CHECK_MSG_(find(samba, exceptions[i].samba) != NULL,
                   "exception for %s, which Samba no longer declares", exceptions[i].samba);
}

TEST(every_shared_constant)
{
    const struct nb_side *samba = &nb_samba_side, *ours = &nb_our_side;
    CHECK(samba->nconsts > 50);
    size_t shared = 0;
    for (size_t i = 0; i < samba->nconsts; i++) {
        const struct nb_const *s = &samba->consts[i];
        const struct nb_const *o = NULL;
        for (size_t j = 0; j < ours->nconsts && o == NULL; j++)
            if (strcmp(ours->consts[j].name, s->name) == 0)
                o = &ours->consts[j];
        if (o == NULL) {
            printf("not declared by netapibuf: %s\n", s->name);
            continue;
        }
        shared++;
        CHECK_MSG_(s->value == o->value, "%s: %lld (%#llx) in Samba, %lld (%#llx) in netapibuf",
                   s->name, s->value, (unsigned long long)s->value, o->value,
                   (unsigned long long)o->value);
    }
    printf("%zu constants shared with Samba, all compared\n", shared);
    CHECK(shared > 50);
}

int main(void)
{
    RUN(every_samba_struct);
    RUN(every_shared_constant);
    return check_finish();
}
