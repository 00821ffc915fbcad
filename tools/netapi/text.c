/*
 * text.c — text from a database or a server, made safe for a terminal and
 * measured for alignment.
 *
 * Names, comments and full names are data someone else wrote: a GECOS
 * field holding ESC [ 3 1 m would recolour the terminal, ESC ] 0 ; ... BEL
 * retitle it, a U+202E reverse the rest of the line.  So every control
 * character (C0, DEL, C1), every bidirectional control and every byte that
 * is not valid UTF-8 is shown as an escape (\x1b, \u202e), and columns are
 * aligned by display width (a CJK character takes two columns, a combining
 * accent none), not by bytes.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "cli.h"

/* wcwidth answers for the locale of the thread: use UTF-8's whatever the
   user's locale is (C.UTF-8 is built into glibc), so widths do not depend
   on LANG.  Without it, a small table of our own stands in. */
static int utf8_locale_ready = -1;

static void use_utf8_locale(void)
{
    if (utf8_locale_ready >= 0)
        return;
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    utf8_locale_ready = l != (locale_t)0;
    if (l)
        uselocale(l);
}

/* The fallback: East Asian wide and fullwidth ranges, and the combining
   ranges that take no column. */
static int table_width(uint32_t cp)
{
    static const uint32_t zero[][2] = {{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
                                       {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
                                       {0xFE20, 0xFE2F}};
    static const uint32_t wide[][2] = {{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
                                       {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
                                       {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
                                       {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
                                       {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++)
        if (cp >= zero[i][0] && cp <= zero[i][1])
            return 0;
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
        if (cp >= wide[i][0] && cp <= wide[i][1])
            return 2;
    return 1;
}

/* Columns code point cp takes; -1 when it must be escaped instead. */
static int width_of(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return -1; /* C0, DEL, C1 */
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
        cp == 0x200F || cp == 0x061C)
        return -1; /* bidirectional controls */
    if (!utf8_locale_ready)
        return table_width(cp);
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? -1 : w;
}

/* The code point of the valid UTF-8 sequence at s and its length in *n,
   or *n = 0 when it is not one. */
static uint32_t utf8_decode(const unsigned char *s, size_t *n)
{
    uint32_t cp, min;
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0)
        *n = 2, cp = s[0] & 0x1Fu, min = 0x80;
    else if ((s[0] & 0xF0) == 0xE0)
        *n = 3, cp = s[0] & 0x0Fu, min = 0x800;
    else if ((s[0] & 0xF8) == 0xF0)
        *n = 4, cp = s[0] & 0x07u, min = 0x10000;
    else {
        *n = 0;
        return 0;
    }
    for (size_t i = 1; i < *n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *n = 0;
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        *n = 0;
    return cp;
}

char *safe_text(const char *str, size_t *width)
{
    use_utf8_locale();
    const unsigned char *s = (const unsigned char *)str;
    size_t cap = strlen(str) * 6 + 1; /* the longest escape, \uXXXX, per byte */
    char *out = xmalloc(cap), *o = out;
    size_t w = 0;
    while (*s) {
        size_t n;
        uint32_t cp = utf8_decode(s, &n);
        int cw = n ? width_of(cp) : -1;
        if (n == 0) { /* not UTF-8: the byte itself */
            o += sprintf(o, "\\x%02x", *s);
            w += 4;
            s++;
        } else if (cw < 0) {
            int len = cp < 0x80 ? sprintf(o, "\\x%02x", (unsigned)cp)
                                : sprintf(o, "\\u%04x", (unsigned)cp);
            o += len;
            w += (size_t)len;
            s += n;
        } else {
            memcpy(o, s, n);
            o += n;
            w += (size_t)cw;
            s += n;
        }
    }
    *o = '\0';
    if (width)
        *width = w;
    return out;
}

void json_string(FILE *f, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    fputc('"', f);
    while (*s) {
        size_t n;
        (void)utf8_decode(s, &n);
        if (n == 0) {
            fputs("\\ufffd", f);
            s++;
        } else if (*s == '"' || *s == '\\') {
            fputc('\\', f);
            fputc(*s++, f);
        } else if (*s < 0x20 || *s == 0x7F) {
            static const char named[] = "\b\f\n\r\t", letters[] = "bfnrt";
            const char *k = strchr(named, *s);
            if (k)
                fprintf(f, "\\%c", letters[k - named]);
            else
                fprintf(f, "\\u%04x", *s);
            s++;
        } else {
            fwrite(s, 1, n, f);
            s += n;
        }
    }
    fputc('"', f);
}
