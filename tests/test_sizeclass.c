/* test_sizeclass.c — internal: every size up to 64 KiB has a class that
   holds it, the smallest such class, and larger sizes have none. */
#include "check.h"
#include "block/sizeclass.h"

TEST(classes_hold_their_sizes)
{
    int bad = 0;
    for (uint64_t n = 0; n <= 70000; n++) {
        unsigned c = nbi_size_class(n);
        if (n > NBI_CACHED_SIZE_MAX) {
            bad += c != 0;
            continue;
        }
        if (c == 0 || c >= NBI_CLASS_COUNT || nbi_class_bytes(c) < n) {
            bad++;
            continue;
        }
        if (c > 1 && nbi_class_bytes(c - 1) >= n) /* not the smallest that fits */
            bad++;
    }
    CHECK_EQ_U(bad, 0);
    CHECK_EQ_U(nbi_size_class(0xFFFFFFFFu), 0);
}

TEST(class_sizes_increase_and_align)
{
    for (unsigned c = 1; c < NBI_CLASS_COUNT; c++) {
        CHECK_EQ_U(nbi_class_bytes(c) % 16, 0);
        if (c > 1)
            CHECK(nbi_class_bytes(c) > nbi_class_bytes(c - 1));
    }
    CHECK_EQ_U(nbi_class_bytes(NBI_CLASS_COUNT - 1), NBI_CACHED_SIZE_MAX);
}

int main(void)
{
    RUN(classes_hold_their_sizes);
    RUN(class_sizes_increase_and_align);
    return check_finish();
}
