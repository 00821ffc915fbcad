/*
 * tools.h — whether a memory tool watches this test: TOOL_ASAN (built with
 * AddressSanitizer), TOOL_TSAN (built with ThreadSanitizer) and
 * TOOL_VALGRIND (running under valgrind, an expression).  Tests that commit a memory bug on purpose check the tool's
 * report instead of the library's when one is watching.
 */
#ifndef NETAPIBUF_TEST_TOOLS_H
#define NETAPIBUF_TEST_TOOLS_H

#if defined(__SANITIZE_ADDRESS__)
#define TOOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOOL_ASAN 1
#endif
#endif
#ifndef TOOL_ASAN
#define TOOL_ASAN 0
#endif

#if defined(__SANITIZE_THREAD__)
#define TOOL_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TOOL_TSAN 1
#endif
#endif
#ifndef TOOL_TSAN
#define TOOL_TSAN 0
#endif

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define TOOL_VALGRIND RUNNING_ON_VALGRIND
#endif
#endif
#ifndef TOOL_VALGRIND
#define TOOL_VALGRIND 0
#endif

#endif /* NETAPIBUF_TEST_TOOLS_H */
