/*
 * samba_layouts_samba.c — test_samba_layouts' table of Samba's libnetapi
 * structures and constants, from Samba's own header (NB_SAMBA_NETAPI_H, its
 * full path, so that no other netapi.h can stand in for it).
 */
#include <stdint.h>

#include NB_SAMBA_NETAPI_H

#include "samba_layouts.h"

#define NB_PASS 1
#include "samba_layouts.h"
#include "samba_layouts_samba.inc"

static const struct nb_layout layouts[] = {
#define NB_PASS 2
#include "samba_layouts.h"
#include "samba_layouts_samba.inc"
};

static const struct nb_const consts[] = {
#define NB_PASS 3
#include "samba_layouts.h"
#include "samba_layouts_samba.inc"
};

const struct nb_side nb_samba_side = {layouts, sizeof layouts / sizeof layouts[0], consts,
                                      sizeof consts / sizeof consts[0]};
