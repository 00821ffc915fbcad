/*
 * samba_layouts.h — the tables test_samba_layouts compares: the size,
 * alignment and every field's offset and size of each structure, and the
 * value of each constant, as Samba's netapi.h declares them
 * (samba_layouts_samba.c) and as ours do (samba_layouts_ours.c).  The two
 * headers cannot share a translation unit, hence two tables.
 *
 * Each side defines NB_SIDE (its table's prefix) and includes this file
 * twice around its generated list (samba_layouts.awk): once to build the
 * field arrays, once to build the table.
 */
#ifndef NB_SAMBA_LAYOUTS_H
#define NB_SAMBA_LAYOUTS_H

#include <stddef.h>

struct nb_field {
    const char *name;
    size_t offset, size;
};

struct nb_layout {
    const char *name; /* the struct tag */
    size_t size, align;
    const struct nb_field *fields;
    size_t nfields;
};

struct nb_const {
    const char *name;
    long long value;
};

struct nb_side {
    const struct nb_layout *layouts;
    size_t nlayouts;
    const struct nb_const *consts;
    size_t nconsts;
};

extern const struct nb_side nb_samba_side, nb_our_side;

#endif /* NB_SAMBA_LAYOUTS_H */

/* ---- the three passes over a generated list -------------------------------
 * #define NB_PASS 1 and include: field arrays; NB_PASS 2: layout rows;
 * NB_PASS 3: constant rows. */
#ifdef NB_PASS
#undef NB_BEGIN
#undef NB_FIELD
#undef NB_END
#undef NB_CONST
#if NB_PASS == 1
#define NB_BEGIN(s) static const struct nb_field nb_fields_##s[] = {
#define NB_FIELD(s, f) {#f, offsetof(struct s, f), sizeof(((struct s *)0)->f)},
#define NB_END(s) };
#define NB_CONST(c)
#elif NB_PASS == 2
#define NB_BEGIN(s) \
    {#s, sizeof(struct s), _Alignof(struct s), nb_fields_##s, sizeof nb_fields_##s / sizeof nb_fields_##s[0]},
#define NB_FIELD(s, f)
#define NB_END(s)
#define NB_CONST(c)
#else
#define NB_BEGIN(s)
#define NB_FIELD(s, f)
#define NB_END(s)
#define NB_CONST(c) {#c, (long long)(c)},
#endif
#undef NB_PASS
#endif
