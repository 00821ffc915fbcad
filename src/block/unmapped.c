/* unmapped.c — the table behind unmapped.h. */
#include "block/unmapped.h"

uintptr_t nbi_unmapped_released[NBI_UNMAPPED_SLOTS];
