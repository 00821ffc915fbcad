# netapibuf — the two commands a user needs are `make run` and `make test`.
# Everything is built under $(BUILD); nothing is installed.

BUILD    ?= build
CMAKE    ?= cmake
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CONFIGURE = $(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

.PHONY: all build run test bench bench-large install clean

all: build

$(BUILD)/CMakeCache.txt:
	$(CONFIGURE)

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

# The main job: the example walk-through (the netapi command once it exists).
run: build
	$(BUILD)/examples/walkthrough

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Every bench_* program, a table, $(BUILD)/bench/results.csv and pairs.svg.
# make bench BENCH_QUICK=1 is the short run (under a minute).
BENCH_QUICK ?=
bench: build
	BENCH_QUICK=$(BENCH_QUICK) sh bench/run.sh $(BUILD)

# NetUserEnum against getpwent with 20,000 users (root: private mount namespace)
bench-large: build
	sh tests/large_db.sh $(BUILD)/bench/bench_packed --users

# make install PREFIX=/opt/netapibuf [DESTDIR=/tmp/stage]
PREFIX ?= /usr/local
install: build
	$(CMAKE) --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD)
