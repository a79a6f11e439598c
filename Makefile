# cosoc — build, run and test.
#
#   make          optimized program at build/cosoc
#   make run      installs what is missing, builds, opens the demo, serves it
#   make check    builds with sanitizers and runs every test (and, with
#                 ThreadSanitizer, the server at build/tsan/cosoc for the
#                 tests that run it under concurrent load)
#
# Every .c under src/ is part of the program; src/main.c alone holds main(),
# so that unit tests (tests/unit/**/test_*.c, cmocka) link everything else.

PKGS      := libmicrohttpd sqlite3 libsodium jansson cairo pangocairo xlsxwriter libpq libcurl libical libcmark libmagic libzip vips libxml-2.0 libqrencode
CC        ?= cc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# One pkg-config call for every library fails without saying which one is
# missing: each is asked for on its own (only when something is compiled).
PKG_MISSING = $(foreach p,$(PKGS),$(if $(shell pkg-config --exists $(p) 2>/dev/null && echo y),,$(p)))

WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 \
             -Wno-format-nonliteral -Wvla
BASE_CFLAGS := -std=c17 -D_GNU_SOURCE -pthread $(WARN) -Isrc -Ibuild/gen \
             $(PKG_CFLAGS) -MMD -MP
RELEASE_CFLAGS := $(BASE_CFLAGS) -O2 -g -DNDEBUG -fstack-protector-strong \
             -D_FORTIFY_SOURCE=2
CHECK_CFLAGS := $(BASE_CFLAGS) -O1 -g -fno-omit-frame-pointer \
             -fsanitize=address,undefined -fno-sanitize-recover=undefined
# ThreadSanitizer cannot share a binary with AddressSanitizer: its own
# objects, its own program.
TSAN_CFLAGS := $(BASE_CFLAGS) -O1 -g -fno-omit-frame-pointer -fsanitize=thread
LIBS      := $(PKG_LIBS) -pthread -lm

VERSION   := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
GIT_REV   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)

SRC       := $(sort $(shell find src -name '*.c'))
LIB_SRC   := $(filter-out src/main.c,$(SRC))
STATIC    := $(sort $(wildcard src/render/static/*))
MIGRATIONS := $(sort $(wildcard src/db/migrations/*.sql))
GEN_SRC   := build/gen/embedded_static.c build/gen/embedded_migrations.c \
             build/gen/version.c
SEEDS     := $(sort $(wildcard data/seeds/*.txt))
GEN_SRC   += build/gen/embedded_seeds.c
PASSWORDS := $(sort $(wildcard data/passwords/*.txt))
GEN_SRC   += build/gen/embedded_passwords.c
UNIT_SRC  := $(sort $(shell find tests/unit -name 'test_*.c' 2>/dev/null))

REL_OBJ   := $(patsubst %.c,build/obj/%.o,$(SRC) $(GEN_SRC))
CHK_OBJ   := $(patsubst %.c,build/check/obj/%.o,$(LIB_SRC) $(GEN_SRC))
CHK_MAIN  := build/check/obj/src/main.o
TSAN_OBJ  := $(patsubst %.c,build/tsan/obj/%.o,$(SRC) $(GEN_SRC))
UNIT_BIN  := $(patsubst tests/unit/%.c,build/check/tests/%,$(UNIT_SRC))

DB        ?= var/demo.db
LISTEN    ?= 127.0.0.1:8080
# make run SMTP=smtp://host:port also sends the demo's mail there.
SMTP      ?=

.PHONY: all deps libs run check check-build unit layers bench clean format lint
all: build/cosoc

deps:
	@scripts/deps.sh build

# Every object waits for this: one line per library pkg-config cannot find.
libs:
	@$(if $(strip $(PKG_MISSING)),$(foreach p,$(PKG_MISSING),echo "cosoc: falta la biblioteca $(p) (pkg-config no la encuentra); instálela con make deps" >&2;) exit 1,:)

build/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -Wall -Wextra -Werror -o $@ $<

build/gen/embedded_static.c: $(STATIC) build/tools/embed
	@mkdir -p $(@D)
	build/tools/embed $@ embedded_static $(STATIC)

build/gen/embedded_migrations.c: $(MIGRATIONS) build/tools/embed
	@mkdir -p $(@D)
	build/tools/embed $@ embedded_migrations $(MIGRATIONS)

build/gen/embedded_seeds.c: $(SEEDS) build/tools/embed
	@mkdir -p $(@D)
	build/tools/embed $@ embedded_seeds $(SEEDS)

build/gen/embedded_passwords.c: $(PASSWORDS) build/tools/embed
	@mkdir -p $(@D)
	build/tools/embed $@ embedded_passwords $(PASSWORDS)

# Rewritten only when the version or commit changes, to keep builds incremental.
build/gen/version.c: FORCE
	@mkdir -p $(@D)
	@printf '#include "util/version.h"\nconst char cosoc_version[] = "%s";\nconst char cosoc_commit[] = "%s";\n' \
	  '$(VERSION)' '$(GIT_REV)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

build/obj/%.o: %.c | libs
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(RELEASE_CFLAGS) -c -o $@ $<

build/check/obj/%.o: %.c | libs
	@mkdir -p $(@D)
	@echo "  CC-ASAN $<"
	@$(CC) $(CHECK_CFLAGS) -c -o $@ $<

build/tsan/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC-TSAN $<"
	@$(CC) $(TSAN_CFLAGS) -c -o $@ $<

build/tsan/cosoc: $(TSAN_OBJ)
	@echo "  LINK    $@ (ThreadSanitizer)"
	@$(CC) -fsanitize=thread -o $@ $^ $(LIBS)

build/cosoc: $(REL_OBJ)
	@echo "  LINK    $@"
	@$(CC) -o $@ $^ $(LIBS)

build/check/cosoc: $(CHK_OBJ) $(CHK_MAIN)
	@echo "  LINK    $@ (sanitizers)"
	@$(CC) -fsanitize=address,undefined -o $@ $^ $(LIBS)

build/check/tests/%: tests/unit/%.c $(CHK_OBJ) tests/unit/support.h
	@mkdir -p $(@D)
	@echo "  TEST    $<"
	@$(CC) $(CHECK_CFLAGS) -Itests/unit -o $@ $< $(CHK_OBJ) $(LIBS) -lcmocka

# Opens a fresh demo database (the council with its real plan) and serves it.
# The demo is recreated on every run: its administrator password is printed.
# Recursive: the package flags above are read when make starts, so the build
# must start again once deps.sh has installed what was missing.
run:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory build/cosoc
	@mkdir -p $(dir $(DB))
	build/cosoc demo --db $(DB) --force
	build/cosoc serve --listen $(LISTEN) --db $(DB) $(if $(SMTP),--smtp $(SMTP))

check-build: build/check/cosoc $(UNIT_BIN) build/tsan/cosoc

unit: check-build
	@scripts/run-tests.sh unit

# The layer rule of src/ (docs/architecture.md); make check runs it too.
layers:
	@scripts/run-tests.sh layers

check:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory check-build
	@scripts/run-tests.sh all

# Benchmarks (optimized binary, wrk and nginx on loopback): results in
# bench/results/latest.md and latest.json.
bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory build/cosoc
	@scripts/bench.sh

clean:
	rm -rf build

format:
	clang-format -i $(SRC) $(UNIT_SRC) tools/embed.c

lint:
	@command -v cppcheck >/dev/null || { echo "cosoc: falta cppcheck; instálelo con scripts/deps.sh ci" >&2; exit 1; }
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --inline-suppr -Isrc --suppress=missingIncludeSystem src

-include $(shell find build -name '*.d' 2>/dev/null)
