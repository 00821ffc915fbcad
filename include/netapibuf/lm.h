/*
 * lm.h — the LAN Manager umbrella header, as in the Windows SDK: include
 * this one header to get the whole network management API.
 */
#ifndef NETAPIBUF_LM_H
#define NETAPIBUF_LM_H

#include "lmcons.h"
#include "lmerr.h"
#include "lmapibuf.h"
#include "lmaccess.h"
#include "lmremutl.h"
#include "lmserver.h"
#include "lmwksta.h"

#endif /* NETAPIBUF_LM_H */
