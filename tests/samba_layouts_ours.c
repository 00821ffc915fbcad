/*
 * samba_layouts_ours.c — test_samba_layouts' table of netapibuf's
 * structures, and of the values of the constants Samba also defines, from
 * the public headers (lm.h and dsgetdc.h).
 */
#include <lm.h>
#include <dsgetdc.h>

#include "samba_layouts.h"

#define NB_PASS 1
#include "samba_layouts.h"
#include "samba_layouts_ours.inc"

static const struct nb_layout layouts[] = {
#define NB_PASS 2
#include "samba_layouts.h"
#include "samba_layouts_ours.inc"
};

static const struct nb_const consts[] = {
#define NB_PASS 3
#include "samba_layouts.h"
#include "samba_layouts_ours.inc"
};

const struct nb_side nb_our_side = {layouts, sizeof layouts / sizeof layouts[0], consts,
                                    sizeof consts / sizeof consts[0]};
