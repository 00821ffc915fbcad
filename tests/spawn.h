/*
 * spawn.h — run this test program again as a child with one scenario
 * (argv[1]) and extra environment, and collect what it wrote to stderr and
 * how it ended.  The checking mode and misuse action are read at a
 * process's first call, so each setting needs a process of its own.
 */
#ifndef NETAPIBUF_TEST_SPAWN_H
#define NETAPIBUF_TEST_SPAWN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct spawned {
    int status;      /* as from waitpid */
    char err[8192];  /* the child's stderr, NUL-terminated (truncated if longer) */
};

/* This program's path.  Not "/proc/self/exe" itself: under valgrind that
   names valgrind, while readlink is answered with the program's path. */
static inline const char *self_path(void)
{
    static char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    path[n > 0 ? n : 0] = '\0';
    return path;
}

/* Run argv (argv[0] looked up in PATH) with env ("NAME=value" or NULL)
   added; its stderr and end go to out.  A program that cannot be started
   exits with 127. */
static inline int spawn_argv(char *const argv[], const char *env, struct spawned *out)
{
    int fds[2];
    memset(out, 0, sizeof *out);
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        if (env)
            putenv((char *)(uintptr_t)env);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    size_t got = 0;
    ssize_t r;
    while ((r = read(fds[0], out->err + got, sizeof out->err - 1 - got)) > 0)
        got += (size_t)r;
    close(fds[0]);
    out->err[got] = '\0';
    return waitpid(pid, &out->status, 0) == pid ? 0 : -1;
}

/* Run this program with argument scenario and env set. */
static inline int spawn_self(const char *scenario, const char *env, struct spawned *out)
{
    char *const argv[] = {(char *)(uintptr_t)self_path(), (char *)(uintptr_t)scenario, NULL};
    return spawn_argv(argv, env, out);
}

/* Number of lines in s. */
static inline int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

#endif /* NETAPIBUF_TEST_SPAWN_H */
