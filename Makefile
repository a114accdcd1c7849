# overgang - GNU Make build. `make` builds build/overgang and build/libovergang.a.
# `make test` installs missing Debian packages, builds, runs the source checks,
# the unit tests and the CLI tests. `make asan` runs the same under ASan+UBSan.

PREFIX ?= /usr/local
BUILD ?= build
SANITIZE ?= 0

CC ?= cc
PKGS := sqlite3 libsodium jansson libmicrohttpd zlib xlsxwriter cairo pangocairo fontconfig
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

VERSION := $(shell cat VERSION)
GIT_REV := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

# -Wno-format-truncation: snprintf into a capped buffer truncates on purpose.
WARN := -Wall -Wextra -Werror -Wshadow -Wformat=2 \
        -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition \
        -Wpointer-arith -Wvla -Wundef -Wwrite-strings -Wcast-align \
        -Wimplicit-fallthrough -Wnull-dereference -Wdouble-promotion \
        -Wno-format-truncation
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g \
        -fno-common -Isrc $(WARN) \
        -DOV_VERSION='"$(VERSION)"' -DOV_GIT_REV='"$(GIT_REV)"'
ifeq ($(SANITIZE),1)
  OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
         -fno-sanitize-recover=all
  LDSAN := -fsanitize=address,undefined
else
  OPT := -O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2
  LDSAN :=
endif
CFLAGS ?=
LDFLAGS ?=
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDLIBS = $(LDSAN) $(LDFLAGS) $(PKG_LIBS) -lpthread -lm

# `make V=1` shows the full compiler command lines.
ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @printf '  %-5s %s\n'
endif

# Layers, lowest first. src/cli holds the binary's main and commands.
LIB_LAYERS := core model store web stats econ report
LIB_SRC := $(foreach l,$(LIB_LAYERS),$(wildcard src/$(l)/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
LIB := $(BUILD)/libovergang.a
BIN := $(BUILD)/overgang

TEST_SRC := $(wildcard tests/*/test_*.c)
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
TEST_HELPER_SRC := $(wildcard tests/support/*.c)
TEST_HELPER_OBJ := $(TEST_HELPER_SRC:%.c=$(BUILD)/obj/%.o)
CLI_TESTS := $(sort $(wildcard tests/cli/*.sh))

.SECONDARY: $(TEST_HELPER_OBJ)
$(TEST_HELPER_OBJ): ALL_CFLAGS += -Itests

.PHONY: all deps run test check unit-test cli-test asan install uninstall clean lint \
        bench-demo bench-web bench-eval browser-test

all: $(BIN) $(LIB)

deps:
	@scripts/install-deps

# The commit the binary is built from: main.o is rebuilt when it changes
# (the stamp file is rewritten only then), so `overgang version` is never
# stale.
REV_STAMP := $(BUILD)/rev.stamp
$(shell mkdir -p $(BUILD) && \
  { [ "$$(cat $(REV_STAMP) 2>/dev/null)" = "$(GIT_REV)" ] || \
    echo "$(GIT_REV)" > $(REV_STAMP); })
$(BUILD)/obj/src/cli/main.o: $(REV_STAMP)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(say) LD $@
	$(Q)$(CC) -o $@ $(CLI_OBJ) $(LIB) $(ALL_LDLIBS)

# The DISCO-08 list compiled into the binary (src/model/occupation.c,
# data/README.md): no data file at run time.
$(BUILD)/gen/model/disco08.inc: data/disco08.csv scripts/gen-disco08
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)scripts/gen-disco08 data/disco08.csv > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/src/model/occupation.o: $(BUILD)/gen/model/disco08.inc
$(BUILD)/obj/src/model/occupation.o: ALL_CFLAGS += -I$(BUILD)/gen

$(BUILD)/tests/%: tests/%.c $(LIB) $(TEST_HELPER_OBJ)
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -MMD -MP $< $(TEST_HELPER_OBJ) -o $@ $(LIB) \
	    $(ALL_LDLIBS) $(shell pkg-config --libs cmocka)

# libical reads the calendar feed back in its test only (a test-only
# dependency: the product writes iCalendar itself, src/report/ical.c).
$(BUILD)/tests/report/test_ical: ALL_CFLAGS += $(shell pkg-config --cflags libical 2>/dev/null)
$(BUILD)/tests/report/test_ical: ALL_LDLIBS += $(shell pkg-config --libs libical 2>/dev/null)

# The product on the embedded database: creates demo.db with the demo world
# when it is missing, then serves it on http://127.0.0.1:8080 (PORT=...
# to change) until Ctrl-C, printing the demo log-ins first.
PORT ?= 8080
run: deps
	@$(MAKE) --no-print-directory all
	@test -e demo.db || ./$(BIN) demo --db demo.db
	@./$(BIN) init --db demo.db >/dev/null
	@printf '\novergang serves http://127.0.0.1:$(PORT)/  (Ctrl-C stops)\n'
	@printf 'Demo log-ins, password "overgang-demo":\n'
	@printf '  job      sagsbehandler (jobcenter), Halsnæs\n'
	@printf '  social   sagsbehandler (socialområdet), Halsnæs\n'
	@printf '  cti      CTI-medarbejder, Halsnæs\n'
	@printf '  vk       virksomhedskonsulent, Halsnæs\n'
	@printf '  leder    leder, Halsnæs      admin   administrator, Halsnæs\n'
	@printf '  borger   borger              arbejdsgiver  arbejdsgiver\n'
	@printf '  job2 ... admin2  the same roles in Tønder;  national  national analytiker\n\n'
	@./$(BIN) serve --db demo.db --listen 127.0.0.1:$(PORT)

# Builds run in parallel, one job per core (JOBS=1 for a serial build).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: build-tests
build-tests: all $(TEST_BIN)

test: deps
	@$(MAKE) --no-print-directory -j$(JOBS) build-tests
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory -j2 -Otarget unit-and-cli-test browser-test

# The unit and CLI tests run while the browser test runs (make test): the
# browser test mostly waits on its pages, and the machine has two cores.
# Each suite's output comes out whole when it ends.
.PHONY: unit-and-cli-test
unit-and-cli-test:
	@$(MAKE) --no-print-directory unit-test
	@$(MAKE) --no-print-directory cli-test

lint:
	@scripts/check-source

unit-test: $(TEST_BIN)
	@scripts/run-tests $(TEST_BIN)

# End-to-end tests in Debian's headless Chromium (tests/browser/README.md).
browser-test: $(BIN)
	@OVERGANG=$(abspath $(BIN)) scripts/run-browser-tests

cli-test: $(BIN)
	@OVERGANG=$(abspath $(BIN)) OVERGANG_SANITIZE=$(SANITIZE) \
	    scripts/run-cli-tests $(CLI_TESTS)

asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 -j$(JOBS) build-tests
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 unit-test cli-test

# Benchmarks write their figures to docs/performance.md.
bench-demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-demo

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/overgang
	install -m 0644 man/overgang.1 $(DESTDIR)$(PREFIX)/share/man/man1/overgang.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/overgang $(DESTDIR)$(PREFIX)/share/man/man1/overgang.1

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_HELPER_OBJ:.o=.d) $(TEST_BIN:=.d)

# The web server under load: a municipality-scale demo database (demo
# --scale 40, 24,000 citizens), wrk at 64 connections against the course
# page and "Mine opgaver"; figures to docs/performance.md.
bench-web: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-web

# The effect evaluation on 1,000,000 persons x 48 months from
# synth-register; stage times and peak memory to docs/performance.md.
bench-eval: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-eval

# The screening import of 100,000 candidates through the CLI and the HTTP
# API (with a concurrent writer), and the refusal of a list over the cap;
# figures to docs/performance.md.
.PHONY: bench-import
bench-import: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-import

# overgang indicators on a municipality of 24,000 citizens (demo --scale
# 80): elapsed and CPU time per run and the medians (docs/performance.md).
.PHONY: bench-indicators
bench-indicators: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-indicators

# overgang economics: a preset alone and the running cost derived from the
# registered activity of a municipality of 24,000 citizens (the database
# of bench-indicators); figures to docs/performance.md.
.PHONY: bench-econ
bench-econ: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-econ

# Fuzzing (docs/fuzzing.md): one libFuzzer target per parser,
# tests/fuzz/fuzz_<name>.c with its seed corpus in tests/fuzz/corpus/<name>.
# The library is built again with clang under ASan+UBSan and libFuzzer's
# coverage into build/fuzz. `make fuzz` runs each target FUZZ_SECONDS
# (FUZZ_TARGETS="csv cpr" for some; FUZZ_CPU=1 counts CPU seconds, not
# wall time) and fails on a crash, which is kept in build/fuzz/crashes.
FUZZ_SECONDS ?= 60
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_BUILD := build/fuzz
# The project's warnings hold under clang too, but for two: gcc's
# -Wno-format-truncation is unknown to clang 14 (it has no such warning),
# and clang's -Wdouble-promotion flags every glibc NAN and INFINITY used
# as a double (they are float constants; the promotion is exact).
FUZZ_CFLAGS := -Wno-unknown-warning-option -Wno-double-promotion
.PHONY: fuzz fuzz-build

ifeq ($(FUZZ_INNER),1)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(say) FUZZ $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -MMD -MP -fsanitize=fuzzer $< -o $@ \
	    $(LIB) $(ALL_LDLIBS)
-include $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%.d)
endif

fuzz-build:
	@scripts/install-deps fuzz
	@$(MAKE) --no-print-directory -j$(JOBS) BUILD=$(FUZZ_BUILD) CC=clang SANITIZE=1 \
	    FUZZ_INNER=1 CFLAGS='-fsanitize=fuzzer-no-link $(FUZZ_CFLAGS)' \
	    $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz/fuzz_%)

fuzz: fuzz-build
	@FUZZ_BUILD=$(FUZZ_BUILD) scripts/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)
