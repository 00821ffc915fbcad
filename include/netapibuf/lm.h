/*
 * lm.h — the LAN Manager umbrella header, as in the Windows SDK: include
 * this one header to get the whole network management API (dsgetdc.h, as
 * on Windows, is separate).
 */
#ifndef NETAPIBUF_LM_H
#define NETAPIBUF_LM_H

#include "lmcons.h"
#include "lmerr.h"
#include "lmapibuf.h"
#include "lmaccess.h"
#include "lmjoin.h"
#include "lmremutl.h"
#include "lmserver.h"
#include "lmshare.h"
#include "lmwksta.h"

#endif /* NETAPIBUF_LM_H */
