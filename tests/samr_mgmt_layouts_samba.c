/* samr_mgmt_layouts_samba.c — samba-dev's side of test_samr_mgmt_layouts
   (see samr_mgmt_layouts.h): the sizes, offsets and values of Samba's own
   declarations, in the pairs' order. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <util/data_blob.h>
#include <util/time.h>
#include <core/ntstatus.h>
#include <gen_ndr/samr.h>

#include "samr_mgmt_layouts.h"

#define THEIR_SIZE(ours, theirs) sizeof(struct theirs),
#define THEIR_AT(ours, om, theirs, tm) offsetof(struct theirs, tm),
#define THEIR_VALUE(ours, theirs) (size_t)(theirs),

const size_t samr_mgmt_samba_layouts[] = {SAMR_MGMT_LAYOUTS(THEIR_SIZE, THEIR_AT) 0};
const size_t samr_mgmt_samba_constants[] = {SAMR_MGMT_CONSTANTS(THEIR_VALUE) 0};
