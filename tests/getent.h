/*
 * getent.h — the system databases as `getent` prints them, for tests that
 * compare the library's answers with an independent source.
 */
#ifndef NETAPIBUF_TEST_GETENT_H
#define NETAPIBUF_TEST_GETENT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The next ':'-separated field of the line at *p, NUL-terminated in place. */
static inline char *getent_field(char **p)
{
    char *s = *p, *c = strchr(s, ':');
    if (c) {
        *c = '\0';
        *p = c + 1;
    } else {
        *p = s + strlen(s);
    }
    return s;
}

/* Every line of `getent DB`, newline removed, in *lines (each malloc'd). */
static inline size_t getent_lines(const char *db, char ***lines)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "getent %s", db);
    FILE *f = popen(cmd, "r");
    if (!f) {
        perror("popen getent");
        exit(2);
    }
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t len = 0;
    *lines = NULL;
    while (getline(&line, &len, f) > 0) {
        line[strcspn(line, "\n")] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            *lines = realloc(*lines, cap * sizeof **lines);
        }
        (*lines)[n++] = strdup(line);
    }
    free(line);
    pclose(f);
    return n;
}

#endif /* NETAPIBUF_TEST_GETENT_H */
