/* consumer.c — a user's program: Windows-style includes only, built against
   the installed library through pkg-config or the CMake package. */
#include <lm.h>
#include <netapibuf.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    LPVOID p = NULL;
    DWORD size = 0;
    if (NetApiBufferAllocate(100, &p) != NERR_Success)
        return 1;
    strcpy((char *)p, "installed");
    if (NetApiBufferReallocate(p, 5000, &p) != NERR_Success)
        return 2;
    if (NetApiBufferSize(p, &size) != NERR_Success || size != 5000)
        return 3;
    if (strcmp((char *)p, "installed") != 0)
        return 4;
    if (NetApiBufferFree(p) != NERR_Success)
        return 5;
    if (MAX_PREFERRED_LENGTH != 0xFFFFFFFFu || sizeof(DWORD) != 4)
        return 6;
    printf("consumer: netapibuf %s works\n", netapibuf_version());
    return 0;
}
