# tinynode build. `make` builds ./tinynode (optimised, with debug info).
# Other entry points: debug, asan, tsan, test, unit, book-check, bench, clean, format,
# stage S=NAME / stages (each stage built and tested alone), fuzz, fuzz-smoke (clang
# with libFuzzer; tests/fuzz/README.md), lab LAB=NAME / grade / check-labs and
# check-exercises / exercise-mode (labs/README.md, tests/exercises/README.md).
# DISPATCH=switch builds the interpreter loop as a plain switch (easier in gdb).

CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Wno-unused-parameter
OPT     ?= -O2 -g
CFLAGS  += $(CSTD) $(WARN) $(OPT) -I. -MMD -MP
LDLIBS  += -lm -lpthread

# Flavours. Each builds in a directory of its own, so switching never mixes objects:
#   make                  build/         -O2 -g
#   make debug            build-debug/   -O0 -g3, assertions on
#   make asan             build-asan/    AddressSanitizer + UndefinedBehaviorSanitizer
#   make tsan             build-tsan/    ThreadSanitizer (the loop and the worker pool share queues)
#   make fuzz-build       build-fuzz/    clang, libFuzzer coverage + ASan + UBSan (not ./tinynode)
#   make DISPATCH=switch  the same directories with -switch appended
# ./tinynode is a copy of $(BUILD)/tinynode refreshed by every make, so it is always the
# flavour of the last make command. Goals combine: `make asan test` tests the asan build
# (`make asan && make test` would test the default flavour again).
FLAVOUR ?= $(or $(filter asan tsan debug,$(MAKECMDGOALS)),$(if $(filter fuzz%,$(MAKECMDGOALS)),fuzz),release)
ifeq ($(FLAVOUR),debug)
OPT     := -O0 -g3 -DTN_DEBUG
else ifeq ($(FLAVOUR),asan)
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -DTN_DEBUG
LDFLAGS += -fsanitize=address,undefined
else ifeq ($(FLAVOUR),tsan)
OPT     := -O1 -g -fsanitize=thread -fno-omit-frame-pointer -DTN_DEBUG
LDFLAGS += -fsanitize=thread
else ifeq ($(FLAVOUR),fuzz)
# The stages get libFuzzer's coverage hooks (fuzzer-no-link); only the harnesses link its
# main (-fsanitize=fuzzer). libFuzzer is clang's, so this flavour always builds with clang.
CC      := $(or $(FUZZ_CC),clang)
OPT     := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -DTN_DEBUG
LDFLAGS += -fsanitize=address,undefined
endif
BUILD   ?= build$(if $(filter-out release,$(FLAVOUR)),-$(FLAVOUR))$(if $(filter switch,$(DISPATCH)),-switch)

ifeq ($(DISPATCH),switch)
CFLAGS  += -DTN_DISPATCH_SWITCH
endif

# The interpreter loop's labels (each instruction's handler) start on 32-byte boundaries.
# Without that, where the linker happened to put interp_run decided the loop benchmark's
# speed by up to a fifth, with the same instructions executed; with it, by less (book
# chapter 5). GCC has
# the flag; a compiler without it (clang ignores it, with a warning) builds as before.
INTERP_ALIGN := $(shell $(CC) -Werror -falign-labels=32:16 -x c -c -o /dev/null /dev/null 2>/dev/null && echo -falign-labels=32:16)
$(BUILD)/vm/interp.o: CFLAGS += $(INTERP_ALIGN)

STAGES  := lexer parser vm runtime stdlib
# Every .c file under a stage directory, at any depth (stdlib/ has one subdirectory per
# subsystem), sorted so that the link order never depends on the file system.
SRCS    := $(sort $(shell find $(STAGES) -name '*.c')) main.c
# The library's modules written in JavaScript (stdlib/SUBSYSTEM/lib/*.js), compiled into
# the binary as C strings by stdlib/embed-js.sh (one generated file, stdlib/embedded_js.o).
JS_SRCS := $(sort $(shell find stdlib -path '*/lib/*.js'))
OBJS    := $(SRCS:%.c=$(BUILD)/%.o) $(BUILD)/stdlib/embedded_js.o

.PHONY: all debug asan tsan test unit book-check bench clean format fuzz fuzz-smoke fuzz-build FORCE

all: tinynode

# Link inside the flavour's directory, then copy to ./tinynode whenever the two differ
# (through a temporary name, so that a running ./tinynode is never overwritten in place).
tinynode: $(BUILD)/tinynode FORCE
	@cmp -s $(BUILD)/tinynode $@ || { cp $(BUILD)/tinynode $@.tmp && mv -f $@.tmp $@ && \
	  echo "./tinynode is now $(BUILD)/tinynode"; }
	@cp tools/tinynode-gdb.py tinynode-gdb.py 2>/dev/null || true

$(BUILD)/tinynode: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: %.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# (the list of files is a prerequisite too, so that removing one regenerates the table)
$(BUILD)/gen/embedded_js.c: stdlib/embed-js.sh $(JS_SRCS) $(BUILD)/gen/js-sources
	sh stdlib/embed-js.sh $(JS_SRCS) >$@.tmp && mv -f $@.tmp $@

$(BUILD)/gen/js-sources: FORCE
	@mkdir -p $(dir $@)
	@echo '$(JS_SRCS)' | cmp -s - $@ || echo '$(JS_SRCS)' >$@

$(BUILD)/stdlib/embedded_js.o: $(BUILD)/gen/embedded_js.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# The exact compile and link command, rewritten only when it changes: everything built
# depends on it, so a different CC, OPT or DISPATCH rebuilds instead of mixing objects.
BUILD_CMD := $(CC) $(CFLAGS) $(LDFLAGS) $(LDLIBS) $(INTERP_ALIGN)
$(BUILD)/flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(BUILD_CMD)' | cmp -s - $@ || echo '$(BUILD_CMD)' >$@

# C unit tests: each tests/unit/NAME.c is a program linked with every stage (not main.c)
# that exits 0 when all its checks pass. tests/run.sh builds them with `make unit`.
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
LIB_OBJS  := $(filter-out $(BUILD)/main.o,$(OBJS))

unit: $(UNIT_BINS)

$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS) $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

# Each stage alone (book chapter 0): drivers/NAME.c is a small main() for one stage,
# linked with that stage and the stages below it and nothing else, so a reader on
# chapter 2 builds and tests the lexer and the parser only. `make stage S=vm` builds
# the drivers up to S in $(BUILD)/stage/ and runs each one's tests (tests/stages.sh);
# `make stages` does all four.
STAGE_DRIVERS := lexer parser vm runtime
stage_objs = $(filter $(foreach d,$(1),$(BUILD)/$(d)/%),$(LIB_OBJS))

define stage_rule
$(BUILD)/stage/tn-$(1): drivers/$(1).c drivers/driver.h drivers/print.h $$(call stage_objs,$(2)) $(BUILD)/flags
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$< $$(call stage_objs,$(2)) $$(LDLIBS)
endef
$(eval $(call stage_rule,lexer,lexer))
$(eval $(call stage_rule,parser,lexer parser))
$(eval $(call stage_rule,vm,lexer parser vm))
$(eval $(call stage_rule,runtime,lexer parser vm runtime))

.PHONY: stage stages stage-build
stage-build: $(STAGE_DRIVERS:%=$(BUILD)/stage/tn-%)

stage stages:
	@TN_MAKE='$(MAKE) FLAVOUR=$(FLAVOUR)' TN_BUILD='$(BUILD)' sh tests/stages.sh $(if $(filter stage,$@),$(or $(S),$(error make stage needs S=lexer, parser, vm or runtime)))

# Fuzzers (tests/fuzz/README.md): each tests/fuzz/fuzz_NAME.c is a libFuzzer harness,
# linked like a unit test but in build-fuzz/. `make fuzz` runs each harness for
# FUZZ_SECONDS and the built-in API fuzzer for FUZZ_PROGRAMS programs under the asan
# build; `make fuzz-smoke` replays every corpus and fuzzes briefly (about a minute).
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 600
FUZZ_PROGRAMS ?= 2000

fuzz-build: $(FUZZ_BINS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB_OBJS) $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LDLIBS)

# The builtins fuzzer runs under the asan flavour, built by a make of its own.
fuzz fuzz-smoke: fuzz-build
	@$(MAKE) --no-print-directory FLAVOUR=asan build-asan/tinynode
	@FUZZ_BUILD='$(BUILD)' sh tests/fuzz/run.sh $(if $(filter fuzz,$@),long $(FUZZ_SECONDS) $(FUZZ_PROGRAMS),smoke)

# `make debug`, `make asan` and `make tsan` only choose the flavour (see FLAVOUR above).
debug asan tsan: all

# The whole suite (tests/README.md): unit tests, golden tests, node cross-check, book check.
# T=tests/lexer runs a part; UPDATE=1 / UPDATE=node rewrite expectations.
test: tinynode
	@TN_MAKE='$(MAKE) FLAVOUR=$(FLAVOUR)' TN_BUILD='$(BUILD)' sh tests/run.sh $(T)

# `make gdb FILE=x.js`: gdb on x.js run by a debug build (-O0 -g3) with the switch
# dispatch, made and kept in its own directory (build-debug-switch/, ./tinynode is left
# alone), with the helper copied next to it where gdb is allowed to auto-load it
# (book chapters 13 and 15).
GDB_BUILD := build-debug-switch
.PHONY: gdb gdb-build
gdb: gdb-build
	gdb -iex 'add-auto-load-safe-path $(CURDIR)/$(GDB_BUILD)' --args $(GDB_BUILD)/tinynode $(FILE)
gdb-build:
	@$(MAKE) --no-print-directory FLAVOUR=debug DISPATCH=switch BUILD=$(GDB_BUILD) \
	  $(GDB_BUILD)/tinynode
	@cp tools/tinynode-gdb.py $(GDB_BUILD)/tinynode-gdb.py

book-check:
	@sh tools/book-check.sh

# Labs (labs/README.md): `make lab LAB=NAME [DIR=path]` copies the tree with the lab's
# regions blanked (to ../tinynode-lab-NAME by default); `make grade` in that copy (or
# `make grade LAB=NAME` anywhere) runs the lab's tests and prints `Score: x/y`.
# `make check-labs [LABS="a b"]` proves every lab in scratch copies (slow: a build per lab);
# `make check-exercises [EXERCISES=CH/NAME]` applies each exercise's reference patch in a
# scratch copy and runs its tests. None of them is part of `make test`.
.PHONY: lab grade check-labs check-exercises
lab:
	@$(if $(LAB),sh tools/lab.sh prepare '$(LAB)' '$(DIR)',sh tools/lab.sh list)

grade: tinynode
	@sh tools/lab.sh grade $(LAB)

check-labs:
	@sh tools/check-labs.sh $(LABS)

check-exercises:
	@sh tools/check-exercises.sh $(EXERCISES)

# Solving the exercises in your own tree (tests/exercises/README.md) changes code the book
# quotes: `make exercise-mode` adds `region *` to .lab, so that book-check (and so `make
# test`) reports the listings that differ as yours instead of failing; `make
# exercise-mode-off` takes it out. A file, not a variable: every later `make test`, and
# book-check run by hand, sees it without being told; .gitignore keeps it out of commits.
.PHONY: exercise-mode exercise-mode-off
exercise-mode:
	@sh tools/lab.sh exercise-mode on

exercise-mode-off:
	@sh tools/lab.sh exercise-mode off

bench: tinynode
	@sh bench/run.sh

format:
	clang-format -i $(SRCS) $(shell find $(STAGES) -name '*.h')

clean:
	rm -rf build build-* tinynode tinynode.tmp tinynode-gdb.py

-include $(OBJS:.o=.d)
