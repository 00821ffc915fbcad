/*
 * lmserver.h — the server: NetServerGetInfo, with the Windows structures,
 * field names and constants (strings are UTF-8 LMSTR, see lmcons.h).  The
 * result is one NetApiBuffer: free it with one NetApiBufferFree.
 *
 * The structures are laid out as Samba's libnetapi lays out its structures
 * of the same names (tests/test_samba_layouts checks it).  Where Windows
 * declares a flag BOOL (4 bytes) and Samba a one-byte integer, the field is
 * a BOOLEAN (one byte) here, so records are byte-identical to Samba's; the
 * one exception is sv102_hidden, a BOOL as in Windows (it sits at the same
 * offset, and SERVER_INFO_102 has the same size, either way).
 */
#ifndef NETAPIBUF_LMSERVER_H
#define NETAPIBUF_LMSERVER_H

#include "lmcons.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SERVER_INFO_100 {
    DWORD sv100_platform_id; /* PLATFORM_ID_NT */
    LMSTR sv100_name;        /* the host name */
} SERVER_INFO_100, *PSERVER_INFO_100, *LPSERVER_INFO_100;

typedef struct SERVER_INFO_101 {
    DWORD sv101_platform_id;
    LMSTR sv101_name;
    DWORD sv101_version_major; /* kernel major version (MAJOR_VERSION_MASK bits) */
    DWORD sv101_version_minor; /* kernel minor version */
    DWORD sv101_type;          /* SV_TYPE_WORKSTATION | SV_TYPE_SERVER_UNIX */
    LMSTR sv101_comment;       /* "Linux 6.1.0-18-amd64": uname's sysname and release */
} SERVER_INFO_101, *PSERVER_INFO_101, *LPSERVER_INFO_101;

typedef struct SERVER_INFO_102 {
    DWORD sv102_platform_id;
    LMSTR sv102_name;
    DWORD sv102_version_major;
    DWORD sv102_version_minor;
    DWORD sv102_type;
    LMSTR sv102_comment;
    DWORD sv102_users;    /* accounts in the user database */
    LONG sv102_disc;      /* SV_NODISC: no automatic disconnection */
    BOOL sv102_hidden;    /* SV_VISIBLE (Samba: one byte at this offset) */
    DWORD sv102_announce; /* 0: this machine makes no network announcements */
    DWORD sv102_anndelta; /* 0 */
    DWORD sv102_licenses; /* 0 */
    LMSTR sv102_userpath; /* "/" */
} SERVER_INFO_102, *PSERVER_INFO_102, *LPSERVER_INFO_102;

/* Levels 402 and 403: LAN Manager 2.x server settings. */
typedef struct SERVER_INFO_402 {
    DWORD sv402_ulist_mtime; /* last change of the user list, seconds since 1970 */
    DWORD sv402_glist_mtime; /* ... of the group list */
    DWORD sv402_alist_mtime; /* ... of the access control list */
    LMSTR sv402_alerts;      /* users to alert, separated by spaces */
    DWORD sv402_security;    /* SV_USERSECURITY or SV_SHARESECURITY */
    DWORD sv402_numadmin;
    DWORD sv402_lanmask;
    LMSTR sv402_guestacct;
    DWORD sv402_chdevs;
    DWORD sv402_chdevq;
    DWORD sv402_chdevjobs;
    DWORD sv402_connections;
    DWORD sv402_shares;
    DWORD sv402_openfiles;
    DWORD sv402_sessopens;
    DWORD sv402_sessvcs;
    DWORD sv402_sessreqs;
    DWORD sv402_opensearch;
    DWORD sv402_activelocks;
    DWORD sv402_numreqbuf;
    DWORD sv402_sizreqbuf;
    DWORD sv402_numbigbuf;
    DWORD sv402_numfiletasks;
    DWORD sv402_alertsched;
    DWORD sv402_erroralert;
    DWORD sv402_logonalert;
    DWORD sv402_accessalert;
    DWORD sv402_diskalert;
    DWORD sv402_netioalert;
    DWORD sv402_maxauditsz;
    LMSTR sv402_srvheuristics;
} SERVER_INFO_402, *PSERVER_INFO_402, *LPSERVER_INFO_402;

typedef struct SERVER_INFO_403 {
    DWORD sv403_ulist_mtime;
    DWORD sv403_glist_mtime;
    DWORD sv403_alist_mtime;
    LMSTR sv403_alerts;
    DWORD sv403_security;
    DWORD sv403_numadmin;
    DWORD sv403_lanmask;
    LMSTR sv403_guestacct;
    DWORD sv403_chdevs;
    DWORD sv403_chdevq;
    DWORD sv403_chdevjobs;
    DWORD sv403_connections;
    DWORD sv403_shares;
    DWORD sv403_openfiles;
    DWORD sv403_sessopens;
    DWORD sv403_sessvcs;
    DWORD sv403_sessreqs;
    DWORD sv403_opensearch;
    DWORD sv403_activelocks;
    DWORD sv403_numreqbuf;
    DWORD sv403_sizreqbuf;
    DWORD sv403_numbigbuf;
    DWORD sv403_numfiletasks;
    DWORD sv403_alertsched;
    DWORD sv403_erroralert;
    DWORD sv403_logonalert;
    DWORD sv403_accessalert;
    DWORD sv403_diskalert;
    DWORD sv403_netioalert;
    DWORD sv403_maxauditsz;
    LMSTR sv403_srvheuristics;
    DWORD sv403_auditedevents;
    DWORD sv403_autoprofile; /* SW_AUTOPROF_* */
    LMSTR sv403_autopath;
} SERVER_INFO_403, *PSERVER_INFO_403, *LPSERVER_INFO_403;

/* Levels 502, 503 and 599: Windows NT server settings (599 = 503 + more).
   The flags are BOOL in Windows, one byte each in Samba (and here). */
typedef struct SERVER_INFO_502 {
    DWORD sv502_sessopens;
    DWORD sv502_sessvcs;
    DWORD sv502_opensearch;
    DWORD sv502_sizreqbuf;
    DWORD sv502_initworkitems;
    DWORD sv502_maxworkitems;
    DWORD sv502_rawworkitems;
    DWORD sv502_irpstacksize;
    DWORD sv502_maxrawbuflen;
    DWORD sv502_sessusers;
    DWORD sv502_sessconns;
    DWORD sv502_maxpagedmemoryusage;
    DWORD sv502_maxnonpagedmemoryusage;
    BOOLEAN sv502_enablesoftcompat;
    BOOLEAN sv502_enableforcedlogoff;
    BOOLEAN sv502_timesource;
    BOOLEAN sv502_acceptdownlevelapis;
    BOOLEAN sv502_lmannounce;
} SERVER_INFO_502, *PSERVER_INFO_502, *LPSERVER_INFO_502;

typedef struct SERVER_INFO_503 {
    DWORD sv503_sessopens;
    DWORD sv503_sessvcs;
    DWORD sv503_opensearch;
    DWORD sv503_sizreqbuf;
    DWORD sv503_initworkitems;
    DWORD sv503_maxworkitems;
    DWORD sv503_rawworkitems;
    DWORD sv503_irpstacksize;
    DWORD sv503_maxrawbuflen;
    DWORD sv503_sessusers;
    DWORD sv503_sessconns;
    DWORD sv503_maxpagedmemoryusage;
    DWORD sv503_maxnonpagedmemoryusage;
    BOOLEAN sv503_enablesoftcompat;
    BOOLEAN sv503_enableforcedlogoff;
    BOOLEAN sv503_timesource;
    BOOLEAN sv503_acceptdownlevelapis;
    BOOLEAN sv503_lmannounce;
    LMSTR sv503_domain;
    DWORD sv503_maxcopyreadlen;
    DWORD sv503_maxcopywritelen;
    DWORD sv503_minkeepsearch;
    DWORD sv503_maxkeepsearch;
    DWORD sv503_minkeepcomplsearch;
    DWORD sv503_maxkeepcomplsearch;
    DWORD sv503_threadcountadd;
    DWORD sv503_numblockthreads;
    DWORD sv503_scavtimeout;
    DWORD sv503_minrcvqueue;
    DWORD sv503_minfreeworkitems;
    DWORD sv503_xactmemsize;
    DWORD sv503_threadpriority;
    DWORD sv503_maxmpxct;
    DWORD sv503_oplockbreakwait;
    DWORD sv503_oplockbreakresponsewait;
    BOOLEAN sv503_enableoplocks;
    BOOLEAN sv503_enableoplockforceclose;
    BOOLEAN sv503_enablefcbopens;
    BOOLEAN sv503_enableraw;
    BOOLEAN sv503_enablesharednetdrives;
    DWORD sv503_minfreeconnections;
    DWORD sv503_maxfreeconnections;
} SERVER_INFO_503, *PSERVER_INFO_503, *LPSERVER_INFO_503;

typedef struct SERVER_INFO_599 {
    DWORD sv599_sessopens;
    DWORD sv599_sessvcs;
    DWORD sv599_opensearch;
    DWORD sv599_sizreqbuf;
    DWORD sv599_initworkitems;
    DWORD sv599_maxworkitems;
    DWORD sv599_rawworkitems;
    DWORD sv599_irpstacksize;
    DWORD sv599_maxrawbuflen;
    DWORD sv599_sessusers;
    DWORD sv599_sessconns;
    DWORD sv599_maxpagedmemoryusage;
    DWORD sv599_maxnonpagedmemoryusage;
    BOOLEAN sv599_enablesoftcompat;
    BOOLEAN sv599_enableforcedlogoff;
    BOOLEAN sv599_timesource;
    BOOLEAN sv599_acceptdownlevelapis;
    BOOLEAN sv599_lmannounce;
    LMSTR sv599_domain;
    DWORD sv599_maxcopyreadlen;
    DWORD sv599_maxcopywritelen;
    DWORD sv599_minkeepsearch;
    DWORD sv599_maxkeepsearch;
    DWORD sv599_minkeepcomplsearch;
    DWORD sv599_maxkeepcomplsearch;
    DWORD sv599_threadcountadd;
    DWORD sv599_numblockthreads;
    DWORD sv599_scavtimeout;
    DWORD sv599_minrcvqueue;
    DWORD sv599_minfreeworkitems;
    DWORD sv599_xactmemsize;
    DWORD sv599_threadpriority;
    DWORD sv599_maxmpxct;
    DWORD sv599_oplockbreakwait;
    DWORD sv599_oplockbreakresponsewait;
    BOOLEAN sv599_enableoplocks;
    BOOLEAN sv599_enableoplockforceclose;
    BOOLEAN sv599_enablefcbopens;
    BOOLEAN sv599_enableraw;
    BOOLEAN sv599_enablesharednetdrives;
    DWORD sv599_minfreeconnections;
    DWORD sv599_maxfreeconnections;
    DWORD sv599_initsesstable;
    DWORD sv599_initconntable;
    DWORD sv599_initfiletable;
    DWORD sv599_initsearchtable;
    DWORD sv599_alertschedule;
    DWORD sv599_errorthreshold;
    DWORD sv599_networkerrorthreshold;
    DWORD sv599_diskspacethreshold;
    DWORD sv599_reserved;
    DWORD sv599_maxlinkdelay;
    DWORD sv599_minlinkthroughput;
    DWORD sv599_linkinfovalidtime;
    DWORD sv599_scavqosinfoupdatetime;
    DWORD sv599_maxworkitemidletime;
} SERVER_INFO_599, *PSERVER_INFO_599, *LPSERVER_INFO_599;

/* Level 598: more Windows server settings.  Windows' last field,
   sv598_enableauthenticateusersharing, is missing from Samba's struct; it is
   kept here, in what is tail padding in Samba's layout. */
typedef struct SERVER_INFO_598 {
    DWORD sv598_maxrawworkitems;
    DWORD sv598_maxthreadsperqueue;
    DWORD sv598_producttype;
    DWORD sv598_serversize;
    DWORD sv598_connectionlessautodisc;
    DWORD sv598_sharingviolationretries;
    DWORD sv598_sharingviolationdelay;
    DWORD sv598_maxglobalopensearch;
    DWORD sv598_removeduplicatesearches;
    DWORD sv598_lockviolationoffset;
    DWORD sv598_lockviolationdelay;
    DWORD sv598_mdlreadswitchover;
    DWORD sv598_cachedopenlimit;
    DWORD sv598_otherqueueaffinity;
    BOOLEAN sv598_restrictnullsessaccess;
    BOOLEAN sv598_enablewfw311directipx;
    DWORD sv598_queuesamplesecs;
    DWORD sv598_balancecount;
    DWORD sv598_preferredaffinity;
    DWORD sv598_maxfreerfcbs;
    DWORD sv598_maxfreemfcbs;
    DWORD sv598_maxfreelfcbs;
    DWORD sv598_maxfreepagedpoolchunks;
    DWORD sv598_minpagedpoolchunksize;
    DWORD sv598_maxpagedpoolchunksize;
    BOOLEAN sv598_sendsfrompreferredprocessor;
    DWORD sv598_cacheddirectorylimit;
    DWORD sv598_maxcopylength;
    BOOLEAN sv598_enablecompression;
    BOOLEAN sv598_autosharewks;
    BOOLEAN sv598_autoshareserver;
    BOOLEAN sv598_enablesecuritysignature;
    BOOLEAN sv598_requiresecuritysignature;
    DWORD sv598_minclientbuffersize;
    GUID sv598_serverguid;
    DWORD sv598_ConnectionNoSessionsTimeout;
    DWORD sv598_IdleThreadTimeOut;
    BOOLEAN sv598_enableW9xsecuritysignature;
    BOOLEAN sv598_enforcekerberosreauthentication;
    BOOLEAN sv598_disabledos;
    DWORD sv598_lowdiskspaceminimum;
    BOOLEAN sv598_disablestrictnamechecking;
    BOOLEAN sv598_enableauthenticateusersharing;
} SERVER_INFO_598, *PSERVER_INFO_598, *LPSERVER_INFO_598;

/* NetServerSetInfo levels that set one field (1000 + its SV_*_PARMNUM) */
typedef struct SERVER_INFO_1005 {
    LMSTR sv1005_comment;
} SERVER_INFO_1005, *PSERVER_INFO_1005, *LPSERVER_INFO_1005;

typedef struct SERVER_INFO_1107 {
    DWORD sv1107_users;
} SERVER_INFO_1107, *PSERVER_INFO_1107, *LPSERVER_INFO_1107;

typedef struct SERVER_INFO_1010 {
    LONG sv1010_disc;
} SERVER_INFO_1010, *PSERVER_INFO_1010, *LPSERVER_INFO_1010;

typedef struct SERVER_INFO_1016 {
    BOOLEAN sv1016_hidden; /* BOOL in Windows */
} SERVER_INFO_1016, *PSERVER_INFO_1016, *LPSERVER_INFO_1016;

typedef struct SERVER_INFO_1017 {
    DWORD sv1017_announce;
} SERVER_INFO_1017, *PSERVER_INFO_1017, *LPSERVER_INFO_1017;

typedef struct SERVER_INFO_1018 {
    DWORD sv1018_anndelta;
} SERVER_INFO_1018, *PSERVER_INFO_1018, *LPSERVER_INFO_1018;

/* Levels 1501 to 1602 each set one field of SERVER_INFO_599 or 598.  The
   names are the Windows SDK's, its misprints included (1592 and 1599 to
   1602 name fields after other levels). */
typedef struct SERVER_INFO_1501 {
    DWORD sv1501_sessopens;
} SERVER_INFO_1501, *PSERVER_INFO_1501, *LPSERVER_INFO_1501;

typedef struct SERVER_INFO_1502 {
    DWORD sv1502_sessvcs;
} SERVER_INFO_1502, *PSERVER_INFO_1502, *LPSERVER_INFO_1502;

typedef struct SERVER_INFO_1503 {
    DWORD sv1503_opensearch;
} SERVER_INFO_1503, *PSERVER_INFO_1503, *LPSERVER_INFO_1503;

typedef struct SERVER_INFO_1506 {
    DWORD sv1506_maxworkitems;
} SERVER_INFO_1506, *PSERVER_INFO_1506, *LPSERVER_INFO_1506;

typedef struct SERVER_INFO_1509 {
    DWORD sv1509_maxrawbuflen;
} SERVER_INFO_1509, *PSERVER_INFO_1509, *LPSERVER_INFO_1509;

typedef struct SERVER_INFO_1510 {
    DWORD sv1510_sessusers;
} SERVER_INFO_1510, *PSERVER_INFO_1510, *LPSERVER_INFO_1510;

typedef struct SERVER_INFO_1511 {
    DWORD sv1511_sessconns;
} SERVER_INFO_1511, *PSERVER_INFO_1511, *LPSERVER_INFO_1511;

typedef struct SERVER_INFO_1512 {
    DWORD sv1512_maxnonpagedmemoryusage;
} SERVER_INFO_1512, *PSERVER_INFO_1512, *LPSERVER_INFO_1512;

typedef struct SERVER_INFO_1513 {
    DWORD sv1513_maxpagedmemoryusage;
} SERVER_INFO_1513, *PSERVER_INFO_1513, *LPSERVER_INFO_1513;

typedef struct SERVER_INFO_1514 {
    BOOLEAN sv1514_enablesoftcompat;
} SERVER_INFO_1514, *PSERVER_INFO_1514, *LPSERVER_INFO_1514;

typedef struct SERVER_INFO_1515 {
    BOOLEAN sv1515_enableforcedlogoff;
} SERVER_INFO_1515, *PSERVER_INFO_1515, *LPSERVER_INFO_1515;

typedef struct SERVER_INFO_1516 {
    BOOLEAN sv1516_timesource;
} SERVER_INFO_1516, *PSERVER_INFO_1516, *LPSERVER_INFO_1516;

typedef struct SERVER_INFO_1518 {
    BOOLEAN sv1518_lmannounce;
} SERVER_INFO_1518, *PSERVER_INFO_1518, *LPSERVER_INFO_1518;

typedef struct SERVER_INFO_1520 {
    DWORD sv1520_maxcopyreadlen;
} SERVER_INFO_1520, *PSERVER_INFO_1520, *LPSERVER_INFO_1520;

typedef struct SERVER_INFO_1521 {
    DWORD sv1521_maxcopywritelen;
} SERVER_INFO_1521, *PSERVER_INFO_1521, *LPSERVER_INFO_1521;

typedef struct SERVER_INFO_1522 {
    DWORD sv1522_minkeepsearch;
} SERVER_INFO_1522, *PSERVER_INFO_1522, *LPSERVER_INFO_1522;

typedef struct SERVER_INFO_1523 {
    DWORD sv1523_maxkeepsearch;
} SERVER_INFO_1523, *PSERVER_INFO_1523, *LPSERVER_INFO_1523;

typedef struct SERVER_INFO_1524 {
    DWORD sv1524_minkeepcomplsearch;
} SERVER_INFO_1524, *PSERVER_INFO_1524, *LPSERVER_INFO_1524;

typedef struct SERVER_INFO_1525 {
    DWORD sv1525_maxkeepcomplsearch;
} SERVER_INFO_1525, *PSERVER_INFO_1525, *LPSERVER_INFO_1525;

typedef struct SERVER_INFO_1528 {
    DWORD sv1528_scavtimeout;
} SERVER_INFO_1528, *PSERVER_INFO_1528, *LPSERVER_INFO_1528;

typedef struct SERVER_INFO_1529 {
    DWORD sv1529_minrcvqueue;
} SERVER_INFO_1529, *PSERVER_INFO_1529, *LPSERVER_INFO_1529;

typedef struct SERVER_INFO_1530 {
    DWORD sv1530_minfreeworkitems;
} SERVER_INFO_1530, *PSERVER_INFO_1530, *LPSERVER_INFO_1530;

typedef struct SERVER_INFO_1533 {
    DWORD sv1533_maxmpxct;
} SERVER_INFO_1533, *PSERVER_INFO_1533, *LPSERVER_INFO_1533;

typedef struct SERVER_INFO_1534 {
    DWORD sv1534_oplockbreakwait;
} SERVER_INFO_1534, *PSERVER_INFO_1534, *LPSERVER_INFO_1534;

typedef struct SERVER_INFO_1535 {
    DWORD sv1535_oplockbreakresponsewait;
} SERVER_INFO_1535, *PSERVER_INFO_1535, *LPSERVER_INFO_1535;

typedef struct SERVER_INFO_1536 {
    BOOLEAN sv1536_enableoplocks;
} SERVER_INFO_1536, *PSERVER_INFO_1536, *LPSERVER_INFO_1536;

typedef struct SERVER_INFO_1537 {
    BOOLEAN sv1537_enableoplockforceclose;
} SERVER_INFO_1537, *PSERVER_INFO_1537, *LPSERVER_INFO_1537;

typedef struct SERVER_INFO_1538 {
    BOOLEAN sv1538_enablefcbopens;
} SERVER_INFO_1538, *PSERVER_INFO_1538, *LPSERVER_INFO_1538;

typedef struct SERVER_INFO_1539 {
    BOOLEAN sv1539_enableraw;
} SERVER_INFO_1539, *PSERVER_INFO_1539, *LPSERVER_INFO_1539;

typedef struct SERVER_INFO_1540 {
    BOOLEAN sv1540_enablesharednetdrives;
} SERVER_INFO_1540, *PSERVER_INFO_1540, *LPSERVER_INFO_1540;

typedef struct SERVER_INFO_1541 {
    BOOLEAN sv1541_minfreeconnections;
} SERVER_INFO_1541, *PSERVER_INFO_1541, *LPSERVER_INFO_1541;

typedef struct SERVER_INFO_1542 {
    BOOLEAN sv1542_maxfreeconnections;
} SERVER_INFO_1542, *PSERVER_INFO_1542, *LPSERVER_INFO_1542;

typedef struct SERVER_INFO_1543 {
    DWORD sv1543_initsesstable;
} SERVER_INFO_1543, *PSERVER_INFO_1543, *LPSERVER_INFO_1543;

typedef struct SERVER_INFO_1544 {
    DWORD sv1544_initconntable;
} SERVER_INFO_1544, *PSERVER_INFO_1544, *LPSERVER_INFO_1544;

typedef struct SERVER_INFO_1545 {
    DWORD sv1545_initfiletable;
} SERVER_INFO_1545, *PSERVER_INFO_1545, *LPSERVER_INFO_1545;

typedef struct SERVER_INFO_1546 {
    DWORD sv1546_initsearchtable;
} SERVER_INFO_1546, *PSERVER_INFO_1546, *LPSERVER_INFO_1546;

typedef struct SERVER_INFO_1547 {
    DWORD sv1547_alertschedule;
} SERVER_INFO_1547, *PSERVER_INFO_1547, *LPSERVER_INFO_1547;

typedef struct SERVER_INFO_1548 {
    DWORD sv1548_errorthreshold;
} SERVER_INFO_1548, *PSERVER_INFO_1548, *LPSERVER_INFO_1548;

typedef struct SERVER_INFO_1549 {
    DWORD sv1549_networkerrorthreshold;
} SERVER_INFO_1549, *PSERVER_INFO_1549, *LPSERVER_INFO_1549;

typedef struct SERVER_INFO_1550 {
    DWORD sv1550_diskspacethreshold;
} SERVER_INFO_1550, *PSERVER_INFO_1550, *LPSERVER_INFO_1550;

typedef struct SERVER_INFO_1552 {
    DWORD sv1552_maxlinkdelay;
} SERVER_INFO_1552, *PSERVER_INFO_1552, *LPSERVER_INFO_1552;

typedef struct SERVER_INFO_1553 {
    DWORD sv1553_minlinkthroughput;
} SERVER_INFO_1553, *PSERVER_INFO_1553, *LPSERVER_INFO_1553;

typedef struct SERVER_INFO_1554 {
    DWORD sv1554_linkinfovalidtime;
} SERVER_INFO_1554, *PSERVER_INFO_1554, *LPSERVER_INFO_1554;

typedef struct SERVER_INFO_1555 {
    DWORD sv1555_scavqosinfoupdatetime;
} SERVER_INFO_1555, *PSERVER_INFO_1555, *LPSERVER_INFO_1555;

typedef struct SERVER_INFO_1556 {
    DWORD sv1556_maxworkitemidletime;
} SERVER_INFO_1556, *PSERVER_INFO_1556, *LPSERVER_INFO_1556;

typedef struct SERVER_INFO_1557 {
    DWORD sv1557_maxrawworkitems;
} SERVER_INFO_1557, *PSERVER_INFO_1557, *LPSERVER_INFO_1557;

typedef struct SERVER_INFO_1560 {
    DWORD sv1560_producttype;
} SERVER_INFO_1560, *PSERVER_INFO_1560, *LPSERVER_INFO_1560;

typedef struct SERVER_INFO_1561 {
    DWORD sv1561_serversize;
} SERVER_INFO_1561, *PSERVER_INFO_1561, *LPSERVER_INFO_1561;

typedef struct SERVER_INFO_1562 {
    DWORD sv1562_connectionlessautodisc;
} SERVER_INFO_1562, *PSERVER_INFO_1562, *LPSERVER_INFO_1562;

typedef struct SERVER_INFO_1563 {
    DWORD sv1563_sharingviolationretries;
} SERVER_INFO_1563, *PSERVER_INFO_1563, *LPSERVER_INFO_1563;

typedef struct SERVER_INFO_1564 {
    DWORD sv1564_sharingviolationdelay;
} SERVER_INFO_1564, *PSERVER_INFO_1564, *LPSERVER_INFO_1564;

typedef struct SERVER_INFO_1565 {
    DWORD sv1565_maxglobalopensearch;
} SERVER_INFO_1565, *PSERVER_INFO_1565, *LPSERVER_INFO_1565;

typedef struct SERVER_INFO_1566 {
    BOOLEAN sv1566_removeduplicatesearches;
} SERVER_INFO_1566, *PSERVER_INFO_1566, *LPSERVER_INFO_1566;

typedef struct SERVER_INFO_1567 {
    DWORD sv1567_lockviolationretries;
} SERVER_INFO_1567, *PSERVER_INFO_1567, *LPSERVER_INFO_1567;

typedef struct SERVER_INFO_1568 {
    DWORD sv1568_lockviolationoffset;
} SERVER_INFO_1568, *PSERVER_INFO_1568, *LPSERVER_INFO_1568;

typedef struct SERVER_INFO_1569 {
    DWORD sv1569_lockviolationdelay;
} SERVER_INFO_1569, *PSERVER_INFO_1569, *LPSERVER_INFO_1569;

typedef struct SERVER_INFO_1570 {
    DWORD sv1570_mdlreadswitchover;
} SERVER_INFO_1570, *PSERVER_INFO_1570, *LPSERVER_INFO_1570;

typedef struct SERVER_INFO_1571 {
    DWORD sv1571_cachedopenlimit;
} SERVER_INFO_1571, *PSERVER_INFO_1571, *LPSERVER_INFO_1571;

typedef struct SERVER_INFO_1572 {
    DWORD sv1572_criticalthreads;
} SERVER_INFO_1572, *PSERVER_INFO_1572, *LPSERVER_INFO_1572;

typedef struct SERVER_INFO_1573 {
    DWORD sv1573_restrictnullsessaccess;
} SERVER_INFO_1573, *PSERVER_INFO_1573, *LPSERVER_INFO_1573;

typedef struct SERVER_INFO_1574 {
    DWORD sv1574_enablewfw311directipx;
} SERVER_INFO_1574, *PSERVER_INFO_1574, *LPSERVER_INFO_1574;

typedef struct SERVER_INFO_1575 {
    DWORD sv1575_otherqueueaffinity;
} SERVER_INFO_1575, *PSERVER_INFO_1575, *LPSERVER_INFO_1575;

typedef struct SERVER_INFO_1576 {
    DWORD sv1576_queuesamplesecs;
} SERVER_INFO_1576, *PSERVER_INFO_1576, *LPSERVER_INFO_1576;

typedef struct SERVER_INFO_1577 {
    DWORD sv1577_balancecount;
} SERVER_INFO_1577, *PSERVER_INFO_1577, *LPSERVER_INFO_1577;

typedef struct SERVER_INFO_1578 {
    DWORD sv1578_preferredaffinity;
} SERVER_INFO_1578, *PSERVER_INFO_1578, *LPSERVER_INFO_1578;

typedef struct SERVER_INFO_1579 {
    DWORD sv1579_maxfreerfcbs;
} SERVER_INFO_1579, *PSERVER_INFO_1579, *LPSERVER_INFO_1579;

typedef struct SERVER_INFO_1580 {
    DWORD sv1580_maxfreemfcbs;
} SERVER_INFO_1580, *PSERVER_INFO_1580, *LPSERVER_INFO_1580;

typedef struct SERVER_INFO_1581 {
    DWORD sv1581_maxfreemlcbs;
} SERVER_INFO_1581, *PSERVER_INFO_1581, *LPSERVER_INFO_1581;

typedef struct SERVER_INFO_1582 {
    DWORD sv1582_maxfreepagedpoolchunks;
} SERVER_INFO_1582, *PSERVER_INFO_1582, *LPSERVER_INFO_1582;

typedef struct SERVER_INFO_1583 {
    DWORD sv1583_minpagedpoolchunksize;
} SERVER_INFO_1583, *PSERVER_INFO_1583, *LPSERVER_INFO_1583;

typedef struct SERVER_INFO_1584 {
    DWORD sv1584_maxpagedpoolchunksize;
} SERVER_INFO_1584, *PSERVER_INFO_1584, *LPSERVER_INFO_1584;

typedef struct SERVER_INFO_1585 {
    BOOLEAN sv1585_sendsfrompreferredprocessor;
} SERVER_INFO_1585, *PSERVER_INFO_1585, *LPSERVER_INFO_1585;

typedef struct SERVER_INFO_1586 {
    DWORD sv1586_maxthreadsperqueue;
} SERVER_INFO_1586, *PSERVER_INFO_1586, *LPSERVER_INFO_1586;

typedef struct SERVER_INFO_1587 {
    DWORD sv1587_cacheddirectorylimit;
} SERVER_INFO_1587, *PSERVER_INFO_1587, *LPSERVER_INFO_1587;

typedef struct SERVER_INFO_1588 {
    DWORD sv1588_maxcopylength;
} SERVER_INFO_1588, *PSERVER_INFO_1588, *LPSERVER_INFO_1588;

typedef struct SERVER_INFO_1590 {
    DWORD sv1590_enablecompression;
} SERVER_INFO_1590, *PSERVER_INFO_1590, *LPSERVER_INFO_1590;

typedef struct SERVER_INFO_1591 {
    DWORD sv1591_autosharewks;
} SERVER_INFO_1591, *PSERVER_INFO_1591, *LPSERVER_INFO_1591;

typedef struct SERVER_INFO_1592 {
    DWORD sv1592_autosharewks;
} SERVER_INFO_1592, *PSERVER_INFO_1592, *LPSERVER_INFO_1592;

typedef struct SERVER_INFO_1593 {
    DWORD sv1593_enablesecuritysignature;
} SERVER_INFO_1593, *PSERVER_INFO_1593, *LPSERVER_INFO_1593;

typedef struct SERVER_INFO_1594 {
    DWORD sv1594_requiresecuritysignature;
} SERVER_INFO_1594, *PSERVER_INFO_1594, *LPSERVER_INFO_1594;

typedef struct SERVER_INFO_1595 {
    DWORD sv1595_minclientbuffersize;
} SERVER_INFO_1595, *PSERVER_INFO_1595, *LPSERVER_INFO_1595;

typedef struct SERVER_INFO_1596 {
    DWORD sv1596_ConnectionNoSessionsTimeout;
} SERVER_INFO_1596, *PSERVER_INFO_1596, *LPSERVER_INFO_1596;

typedef struct SERVER_INFO_1597 {
    DWORD sv1597_IdleThreadTimeOut;
} SERVER_INFO_1597, *PSERVER_INFO_1597, *LPSERVER_INFO_1597;

typedef struct SERVER_INFO_1598 {
    DWORD sv1598_enableW9xsecuritysignature;
} SERVER_INFO_1598, *PSERVER_INFO_1598, *LPSERVER_INFO_1598;

typedef struct SERVER_INFO_1599 {
    BOOLEAN sv1598_enforcekerberosreauthentication;
} SERVER_INFO_1599, *PSERVER_INFO_1599, *LPSERVER_INFO_1599;

typedef struct SERVER_INFO_1600 {
    BOOLEAN sv1598_disabledos;
} SERVER_INFO_1600, *PSERVER_INFO_1600, *LPSERVER_INFO_1600;

typedef struct SERVER_INFO_1601 {
    DWORD sv1598_lowdiskspaceminimum;
} SERVER_INFO_1601, *PSERVER_INFO_1601, *LPSERVER_INFO_1601;

typedef struct SERVER_INFO_1602 {
    BOOLEAN sv_1598_disablestrictnamechecking;
} SERVER_INFO_1602, *PSERVER_INFO_1602, *LPSERVER_INFO_1602;

/* sv*_platform_id values: PLATFORM_ID_* in lmcons.h, as in the Windows SDK */

/* sv*_version_major carries the major version in its low 4 bits */
#define MAJOR_VERSION_MASK 0x0F

/* sv*_type bits (each guarded: Samba's generated headers define them too,
   with the same values) */
#ifndef SV_TYPE_WORKSTATION
#define SV_TYPE_WORKSTATION       0x00000001
#endif
#ifndef SV_TYPE_SERVER
#define SV_TYPE_SERVER            0x00000002
#endif
#ifndef SV_TYPE_SQLSERVER
#define SV_TYPE_SQLSERVER         0x00000004
#endif
#ifndef SV_TYPE_DOMAIN_CTRL
#define SV_TYPE_DOMAIN_CTRL       0x00000008
#endif
#ifndef SV_TYPE_DOMAIN_BAKCTRL
#define SV_TYPE_DOMAIN_BAKCTRL    0x00000010
#endif
#ifndef SV_TYPE_TIME_SOURCE
#define SV_TYPE_TIME_SOURCE       0x00000020
#endif
#ifndef SV_TYPE_AFP
#define SV_TYPE_AFP               0x00000040
#endif
#ifndef SV_TYPE_NOVELL
#define SV_TYPE_NOVELL            0x00000080
#endif
#ifndef SV_TYPE_DOMAIN_MEMBER
#define SV_TYPE_DOMAIN_MEMBER     0x00000100
#endif
#ifndef SV_TYPE_PRINTQ_SERVER
#define SV_TYPE_PRINTQ_SERVER     0x00000200
#endif
#ifndef SV_TYPE_DIALIN_SERVER
#define SV_TYPE_DIALIN_SERVER     0x00000400
#endif
#ifndef SV_TYPE_XENIX_SERVER
#define SV_TYPE_XENIX_SERVER      0x00000800
#endif
#ifndef SV_TYPE_SERVER_UNIX
#define SV_TYPE_SERVER_UNIX       SV_TYPE_XENIX_SERVER
#endif
#ifndef SV_TYPE_NT
#define SV_TYPE_NT                0x00001000
#endif
#ifndef SV_TYPE_WFW
#define SV_TYPE_WFW               0x00002000
#endif
#ifndef SV_TYPE_SERVER_MFPN
#define SV_TYPE_SERVER_MFPN       0x00004000
#endif
#ifndef SV_TYPE_SERVER_NT
#define SV_TYPE_SERVER_NT         0x00008000
#endif
#ifndef SV_TYPE_POTENTIAL_BROWSER
#define SV_TYPE_POTENTIAL_BROWSER 0x00010000
#endif
#ifndef SV_TYPE_BACKUP_BROWSER
#define SV_TYPE_BACKUP_BROWSER    0x00020000
#endif
#ifndef SV_TYPE_MASTER_BROWSER
#define SV_TYPE_MASTER_BROWSER    0x00040000
#endif
#ifndef SV_TYPE_DOMAIN_MASTER
#define SV_TYPE_DOMAIN_MASTER     0x00080000
#endif
#ifndef SV_TYPE_LOCAL_LIST_ONLY
#define SV_TYPE_LOCAL_LIST_ONLY   0x40000000
#endif
#ifndef SV_TYPE_DOMAIN_ENUM
#define SV_TYPE_DOMAIN_ENUM       0x80000000
#endif
#ifndef SV_TYPE_ALL
#define SV_TYPE_ALL               0xFFFFFFFF
#endif

/* sv102_disc and sv102_hidden values */
#define SV_NODISC  (-1)
#define SV_VISIBLE 0
#define SV_HIDDEN  1

/* sv402_security / sv403_security values */
#define SV_SHARESECURITY 0
#define SV_USERSECURITY  1

/* sv403_autoprofile bits */
#define SW_AUTOPROF_LOAD_MASK 0x1
#define SW_AUTOPROF_SAVE_MASK 0x2

/* NetServerSetInfo *parm_err values (and level 1000 + n for the settable ones) */
#define SV_COMMENT_PARMNUM       5
#define SV_DISC_PARMNUM          10
#define SV_HIDDEN_PARMNUM        16
#define SV_ANNOUNCE_PARMNUM      17
#define SV_ANNDELTA_PARMNUM      18
#define SV_PLATFORM_ID_PARMNUM   101
#define SV_NAME_PARMNUM          102
#define SV_VERSION_MAJOR_PARMNUM 103
#define SV_VERSION_MINOR_PARMNUM 104
#ifndef SV_TYPE_PARMNUM
#define SV_TYPE_PARMNUM          105
#endif
#define SV_USERS_PARMNUM         107
#define SV_USERPATH_PARMNUM      112

/*
 * The server information of this machine (levels 100, 101, 102) or of a
 * server (100, 101, 102, 402, 403, 502, 503, as it answers).
 * servername: NULL, "", or a name or address of this machine (with or
 * without a leading "\\\\") asks this machine; "\\" and "\\\\" alone give
 * ERROR_INVALID_NAME; any other name asks that server, through Samba's
 * client library (<netapibuf.h>: netapibuf_set_credentials).
 * NERR_Success and *bufptr (one record, free it with NetApiBufferFree), or
 * *bufptr NULL and: 87 for a NULL bufptr, ERROR_INVALID_NAME,
 * ERROR_INVALID_LEVEL, ERROR_NOT_ENOUGH_MEMORY, NERR_InternalError (a
 * system database or call failed).
 * Against a server also: ERROR_BAD_NETPATH (it does not resolve or does
 * not answer), ERROR_LOGON_FAILURE, ERROR_ACCESS_DENIED, ERROR_MOD_NOT_FOUND
 * (Samba's client library is not installed).
 */
NET_API_STATUS NET_API_FUNCTION NetServerGetInfo(LMSTR servername, DWORD level, LPBYTE *bufptr);

/*
 * Change a server's settings at level 101 or 102 (the comment, and at 102
 * the disconnection time, visibility, announce rate and user limit) or
 * 1005 (comment), 1010 (disc), 1016 (hidden), 1017 (announce), 1018
 * (anndelta), 1107 (users).  The record is checked before anything is
 * sent: ERROR_INVALID_LEVEL, or ERROR_INVALID_PARAMETER with *ParmError
 * (when not NULL) the SV_*_PARMNUM of the first field at fault
 * (PARM_ERROR_UNKNOWN for a NULL buf); otherwise *ParmError is
 * PARM_ERROR_NONE.  This machine: ERROR_NOT_SUPPORTED (netapibuf does not
 * change this machine's configuration).  A server: its status
 * (NERR_Success, ERROR_ACCESS_DENIED, ...; Samba's servers answer
 * NERR_Success and change nothing, see NetServerSetInfo(3)).
 */
NET_API_STATUS NET_API_FUNCTION NetServerSetInfo(LMSTR servername, DWORD level, LPBYTE buf,
                                                 LPDWORD ParmError);

#ifdef __cplusplus
}
#endif

#endif /* NETAPIBUF_LMSERVER_H */
