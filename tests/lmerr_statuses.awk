# lmerr_statuses.awk — "NB_STATUS(NAME)" for every status lmerr.h defines,
# the list test_status_text checks:  awk -v out=FILE -f lmerr_statuses.awk lmerr.h
/^#define[ \t]+(ERROR|NERR|RPC_S)_[A-Za-z0-9_]+[ \t]/ && $2 != "NERR_BASE" { print "NB_STATUS(" $2 ")" > out }
