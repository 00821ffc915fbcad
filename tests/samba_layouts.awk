# samba_layouts.awk — the field lists of tests/test_samba_layouts, read from
# the structure definitions themselves so that no field name is typed twice.
#
#   awk -v side=samba -v out=FILE -f samba_layouts.awk /usr/include/samba-4.0/netapi.h
#   awk -v side=ours  -v out=FILE -f samba_layouts.awk SAMBA_NETAPI_H OUR_HEADERS...
#
# Writes, for every structure with a body ("struct NAME {" or
# "typedef struct NAME {" at the start of a line, up to the line starting
# with "}"):
#     NB_BEGIN(NAME)  NB_FIELD(NAME, field) ...  NB_END(NAME)
# and, for every integer constant Samba's header defines (a valued #define or
# a member of a named enum):
#     NB_CONST(NAME)
# On the "ours" side the first file is Samba's header, read only for its
# constant names: each is written as NB_CONST when our headers declare it as
# an enum member, and inside #ifdef NAME otherwise, so that the C file
# compiles whichever constants we declare.
#
# A field line is "type name;" with an optional array bound and trailing
# comment; the field name is the last identifier before the ";".

function strip_comments(s) {
    gsub(/\/\*.*\*\//, "", s)
    sub(/\/\*.*$/, "", s)
    sub(/\/\/.*$/, "", s)
    return s
}

function field_name(s,    t) {
    t = strip_comments(s)
    if (t !~ /;/) return ""
    sub(/;.*$/, "", t)
    sub(/\[[^]]*\][ \t]*$/, "", t)
    sub(/[ \t]+$/, "", t)
    if (!match(t, /[A-Za-z_][A-Za-z_0-9]*$/)) return ""
    return substr(t, RSTART, RLENGTH)
}

function emit_struct_line(line,    f) {
    f = field_name(line)
    if (f != "") print "NB_FIELD(" cur ", " f ")" > out
}

BEGIN {
    if (side != "samba" && side != "ours") { print "side must be samba or ours" > "/dev/stderr"; exit 2 }
    nconst = 0
}

# --- the first file on the "ours" side: Samba's constant names only --------
side == "ours" && FNR == NR {
    if ($0 ~ /^#define[ \t]+[A-Z][A-Za-z0-9_]*[ \t]+[^ \t]/ && $0 !~ /^#define[ \t]+[A-Za-z0-9_]+\(/) {
        split($0, w, /[ \t]+/)
        samba_const[++nconst] = w[2]
    }
    if ($0 ~ /^enum [A-Za-z_0-9]+ \{/) in_samba_enum = 1
    else if (in_samba_enum && $0 ~ /^}/) in_samba_enum = 0
    else if (in_samba_enum && match($0, /[A-Za-z_][A-Za-z_0-9]*/)) samba_const[++nconst] = substr($0, RSTART, RLENGTH)
    next
}

# --- structure bodies -------------------------------------------------------
/^(typedef[ \t]+)?struct[ \t]+[A-Za-z_][A-Za-z_0-9]*[ \t]*\{/ {
    s = $0
    sub(/^(typedef[ \t]+)?struct[ \t]+/, "", s)
    match(s, /^[A-Za-z_][A-Za-z_0-9]*/)
    cur = substr(s, RSTART, RLENGTH)
    print "NB_BEGIN(" cur ")" > out
    in_struct = 1
    next
}
in_struct && /^}/ {
    print "NB_END(" cur ")" > out
    in_struct = 0
    next
}
in_struct {
    emit_struct_line($0)
    next
}

# --- enums and constants ----------------------------------------------------
/^(typedef[ \t]+)?enum[ \t]+[A-Za-z_][A-Za-z_0-9]*[ \t]*\{/ { in_enum = 1; next }
in_enum && /^}/ { in_enum = 0; next }
in_enum {
    t = strip_comments($0)
    if (match(t, /[A-Za-z_][A-Za-z_0-9]*/)) {
        name = substr(t, RSTART, RLENGTH)
        if (side == "samba") print "NB_CONST(" name ")" > out
        else our_enum[name] = 1
    }
    next
}
side == "samba" && /^#define[ \t]+[A-Z][A-Za-z0-9_]*[ \t]+[^ \t]/ && !/^#define[ \t]+[A-Za-z0-9_]+\(/ {
    split($0, w, /[ \t]+/)
    print "NB_CONST(" w[2] ")" > out
}

END {
    if (side != "ours") exit
    for (i = 1; i <= nconst; i++) {
        name = samba_const[i]
        if (name in our_enum) print "NB_CONST(" name ")" > out
        else print "#ifdef " name "\nNB_CONST(" name ")\n#endif" > out
    }
}
