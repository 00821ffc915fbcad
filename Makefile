# netapibuf — the two commands a user needs are `make run` and `make test`.
# Everything is built under $(BUILD); nothing is installed.

BUILD    ?= build
CMAKE    ?= cmake
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CONFIGURE = $(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

.PHONY: all build run test bench bench-large install clean sanitize memcheck fuzz

all: build

$(BUILD)/CMakeCache.txt:
	$(CONFIGURE)

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

# The main job: the netapi command's summary of this machine.
run: build
	$(BUILD)/tools/netapi/netapi

# The suite; the last line is CTest's counts ("100% tests passed, ...").
test: build
	tests/run_ctest.sh $(BUILD) --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# Every bench_* program, a table, $(BUILD)/bench/results.csv and pairs.svg.
# make bench BENCH_QUICK=1 is the short run (under a minute).
BENCH_QUICK ?=
bench: build
	BENCH_QUICK=$(BENCH_QUICK) sh bench/run.sh $(BUILD)

# NetUserEnum against getpwent with 20,000 users (root: private mount namespace)
bench-large: build
	sh tests/large_db.sh $(BUILD)/bench/bench_packed --users

# The suite under AddressSanitizer + UndefinedBehaviorSanitizer, then the
# "threads" tests (the soak and fork tests among them) under
# ThreadSanitizer, with no suppression for our code (docs/checking.md).
# The soak and fork tests run SAN_SECONDS each here instead of their
# default 2.
SAN_CC ?= clang
SAN_SECONDS ?= 6
sanitize:
	NETAPIBUF_TEST_SECONDS=$(SAN_SECONDS) $(MAKE) test BUILD=build-asan \
	  CMAKE_FLAGS="-DNETAPIBUF_SANITIZE=address,undefined -DCMAKE_C_COMPILER=$(SAN_CC) -DNETAPIBUF_BUILD_BENCH=OFF"
	$(MAKE) build BUILD=build-tsan \
	  CMAKE_FLAGS="-DNETAPIBUF_SANITIZE=thread -DCMAKE_C_COMPILER=$(SAN_CC) -DNETAPIBUF_BUILD_BENCH=OFF"
	cd build-tsan && NETAPIBUF_TEST_SECONDS=$(SAN_SECONDS) ctest --output-on-failure -L threads -j $(JOBS)

# The suite under valgrind memcheck: any error, or any definite or possible
# leak, fails the test (tests/valgrind.supp: Samba's and glibc's own
# process-long state, never a block of ours).
MEMCHECK = valgrind;-q;--error-exitcode=99;--leak-check=full;--show-leak-kinds=definite,possible;--errors-for-leak-kinds=definite,possible;--suppressions=$(CURDIR)/tests/valgrind.supp
memcheck:
	$(MAKE) test BUILD=build-memcheck \
	  CMAKE_FLAGS="-DNETAPIBUF_TEST_WRAPPER='$(MEMCHECK)' -DNETAPIBUF_BUILD_BENCH=OFF"

# Every fuzz target for FUZZ_SECONDS seconds each (clang's libFuzzer).
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) build BUILD=build-fuzz \
	  CMAKE_FLAGS="-DNETAPIBUF_BUILD_FUZZ=ON -DCMAKE_C_COMPILER=$(SAN_CC) -DNETAPIBUF_BUILD_TESTS=OFF -DNETAPIBUF_BUILD_BENCH=OFF -DNETAPIBUF_BUILD_EXAMPLES=OFF"
	set -e; for target in build-fuzz/fuzz/fuzz_*; do \
	  name=$${target##*/}; corpus=fuzz/corpus/$${name#fuzz_}; \
	  mkdir -p build-fuzz/corpus/$$name; \
	  echo "== $$name for $(FUZZ_SECONDS) s"; \
	  $$target -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/ build-fuzz/corpus/$$name $$corpus; \
	done

# make install PREFIX=/opt/netapibuf [DESTDIR=/tmp/stage]
PREFIX ?= /usr/local
install: build
	$(CMAKE) --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD)
