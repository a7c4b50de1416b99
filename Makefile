# factlint - GNU Makefile. `make demo` and `make check` are the two set-up
# commands; see README.md.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man/man1
PCDIR = $(LIBDIR)/pkgconfig

CC ?= cc
BUILD ?= build
OPT ?= -O2 -g
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect,possible
SAN_FLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer

# Libraries with a pkg-config file; libstemmer has none on Debian 12 and
# uthash is header-only.
PKGS = libpcre2-8 libutf8proc md4c gumbo inih jansson
DEBIAN_PACKAGES = build-essential pkg-config libpcre2-dev libutf8proc-dev check libmd4c-dev libgumbo-dev \
	libinih-dev libjansson-dev libstemmer-dev uthash-dev unicode-data clang-format time parallel \
	clang libclang-rt-14-dev clang-tidy cppcheck valgrind
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread -lm
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) \
	-Iinclude -Isrc $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(EXTRA_LDFLAGS)

LIB_SRC = $(sort $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard src/checks/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/lexicon_data.o
LEXICON_FILES = $(sort $(wildcard corpus/lexicon/*.lex))
TEST_SRC = $(sort $(wildcard tests/test_*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

LIB = $(BUILD)/libfactlint.a
BIN = $(BUILD)/factlint

.SECONDARY:

.PHONY: fuzz-build all deps demo check test-unit test-e2e san valgrind format format-check install \
	uninstall clean golden-update eval bench fuzz lint release check-avx2

all: $(LIB) $(BIN) factlint

# The binary at the top level is a copy of the build's, for ./factlint.
factlint: $(BIN)
	cp $(BIN) $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror $< -o $@

$(BUILD)/gen/lexicon_data.c: $(LEXICON_FILES) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed fl_builtin_lexicon $@ $(LEXICON_FILES)

$(BUILD)/gen/lexicon_data.o: $(BUILD)/gen/lexicon_data.c
	$(CC) -std=c11 $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@

# The built-in lexicon's indexes, made at build time: tools/lexgen runs the
# library's own lexicon code (built here with plain flags, whatever the
# build's) and writes the image lexicon.c starts from when no lexicon files
# are added (src/lexicon.h, fl_lex_image).
LEXGEN_SRC = tools/lexgen.c src/lexicon.c src/normalize.c src/status.c src/arena.c src/source.c
LIB_OBJ += $(BUILD)/gen/lexicon_image.o

$(BUILD)/tools/lexgen: $(LEXGEN_SRC) $(BUILD)/gen/lexicon_data.c $(wildcard src/*.h include/*.h)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 $(WARN) -Iinclude -Isrc $(PKG_CFLAGS) \
	  $(LEXGEN_SRC) $(BUILD)/gen/lexicon_data.c $(PKG_LIBS) -o $@

$(BUILD)/gen/lexicon_image.c: $(BUILD)/tools/lexgen
	$(BUILD)/tools/lexgen $@

$(BUILD)/gen/lexicon_image.o: $(BUILD)/gen/lexicon_image.c
	$(CC) -std=c11 $(CFLAGS) $(EXTRA_CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(LIB)
	$(CC) $(ALL_CFLAGS) $(BUILD)/src/main.o $(LIB) $(PKG_LIBS) $(ALL_LDFLAGS) -o $@

$(BUILD)/tests/main.o: tests/main.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_%.o: tests/test_%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c $< -o $@

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(BUILD)/tests/main.o $(LIB)
	$(CC) $(ALL_CFLAGS) $^ $(PKG_LIBS) $(CHECK_LIBS) $(ALL_LDFLAGS) -o $@

# ----------------------------------------------------------------- set-up

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "deps: installing$$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "deps: missing Debian packages; run as root:"; \
	  echo "  apt-get install -y$$missing"; exit 1; fi

# `make demo` installs what is missing first, so it must build in a new make
# (the pkg-config flags above were read before the packages existed).
demo: deps
	$(MAKE) --no-print-directory all
	@echo "== factlint corpus/demo/chip-exports.txt =="
	@./factlint corpus/demo/chip-exports.txt; rc=$$?; \
	  echo "== exit status $$rc (0: clean, 1: findings, 2: errors) =="; [ $$rc -le 1 ]

# ----------------------------------------------------------------- tests

check: all $(TEST_BIN) $(BUILD)/tools/gen_corpus
	@BUILD=$(BUILD) FL_EXTRA_FLAGS="$(EXTRA_LDFLAGS)" sh tests/run-tests.sh $(TEST_BIN)

golden-update: all
	GOLDEN_UPDATE=1 FACTLINT=$(BIN) sh tests/e2e/golden.sh

$(BUILD)/tools/gen_corpus: tools/gen_corpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE $< -o $@

# ------------------------------------------------------- release build
# `make release` builds the optimized binary, build/release/factlint: -O2,
# no assertions, and (with gcc) profile-guided: an instrumented build runs
# over the bundled articles in corpus/ (tools/pgo-train.sh, one job), then
# every object is compiled again with that profile. The second binary must
# give the instrumented one's output byte for byte on the training run, or
# the build fails. The profile comes from corpus/, never from the bench
# corpus. Other compilers get the plain -O2 build. To install it:
# `make release && make install BUILD=build/release`.
RELEASE = build/release
RELEASE_OPT = -O2 -DNDEBUG
PGO_GCC := $(shell $(CC) --version 2>/dev/null | grep -q 'Free Software Foundation' && echo yes)

release:
ifeq ($(PGO_GCC),yes)
	rm -rf $(RELEASE)
	$(MAKE) --no-print-directory BUILD=$(RELEASE) \
	  OPT="$(RELEASE_OPT) -fprofile-generate -fprofile-update=single" $(RELEASE)/factlint
	sh tools/pgo-train.sh $(RELEASE)/factlint $(RELEASE)/train-instrumented.out
	find $(RELEASE) -name '*.o' -delete
	rm -f $(RELEASE)/libfactlint.a $(RELEASE)/factlint
	$(MAKE) --no-print-directory BUILD=$(RELEASE) \
	  OPT="$(RELEASE_OPT) -fprofile-use -fprofile-partial-training -Wno-missing-profile" \
	  $(RELEASE)/factlint
	sh tools/pgo-train.sh $(RELEASE)/factlint $(RELEASE)/train-final.out
	@cmp -s $(RELEASE)/train-instrumented.out $(RELEASE)/train-final.out || \
	  { echo "release: the profile-guided binary's output differs from the instrumented one's" >&2; \
	    rm -f $(RELEASE)/factlint; exit 1; }
	@echo "release: $(RELEASE)/factlint (-O2 -DNDEBUG, profile-guided, trained on corpus/)"
else
	$(MAKE) --no-print-directory BUILD=$(RELEASE) OPT="$(RELEASE_OPT)" $(RELEASE)/factlint
	@echo "release: $(RELEASE)/factlint (-O2 -DNDEBUG; profile-guided builds need gcc)"
endif

# The release binary, so the numbers are those of the binary users install.
bench: release
	$(MAKE) --no-print-directory BUILD=$(RELEASE) $(RELEASE)/tools/gen_corpus
	@sh tools/bench.sh $(RELEASE)/factlint $(RELEASE)/tools/gen_corpus build/bench

eval: all
	@sh tools/eval.sh ./factlint corpus/eval ../shared/data/news-dev

# ------------------------------------------------------------------ fuzzing
# libFuzzer harnesses (clang + libclang-rt-14-dev), ASan + UBSan. Each runs
# FUZZ_SECONDS on a copy of its committed seed corpus (tests/fuzz/corpus/).
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_HARNESSES = text markdown html normalize jsonl lexicon config
FUZZ_BIN = $(FUZZ_HARNESSES:%=build/fuzz/fuzz_%)
fuzz_format_text = FL_FORMAT_TEXT
fuzz_format_markdown = FL_FORMAT_MARKDOWN
fuzz_format_html = FL_FORMAT_HTML

fuzz-build:
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) OPT="-O1 -g" \
	  EXTRA_CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build/fuzz/libfactlint.a
	$(MAKE) --no-print-directory $(FUZZ_BIN)

build/fuzz/fuzz_text build/fuzz/fuzz_markdown build/fuzz/fuzz_html: build/fuzz/fuzz_%: \
		tests/fuzz/fuzz_pipeline.c build/fuzz/libfactlint.a
	$(FUZZ_CC) -std=c11 -O1 -g $(FUZZ_FLAGS) -fsanitize=fuzzer -Iinclude \
	  -DFL_FUZZ_FORMAT=$(fuzz_format_$*) $< build/fuzz/libfactlint.a $(PKG_LIBS) -o $@

build/fuzz/fuzz_normalize build/fuzz/fuzz_jsonl build/fuzz/fuzz_lexicon build/fuzz/fuzz_config: \
		build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libfactlint.a
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -O1 -g $(FUZZ_FLAGS) -fsanitize=fuzzer -Iinclude -Isrc \
	  $(PKG_CFLAGS) $< \
	  build/fuzz/libfactlint.a $(PKG_LIBS) -o $@

fuzz: fuzz-build
	@set -e; for h in $(FUZZ_HARNESSES); do \
	  rm -rf build/fuzz/work-$$h; mkdir -p build/fuzz/work-$$h build/fuzz/crashes; \
	  cp tests/fuzz/corpus/$$h/* build/fuzz/work-$$h/; \
	  case $$h in text) ext=txt ;; markdown) ext=md ;; html) ext=html ;; jsonl) ext=jsonl ;; *) ext=none ;; esac; \
	  set -- tests/fuzz/regressions/*.$$ext; \
	  if [ -f "$$1" ]; then echo "== fuzz_$$h replays $$# reproducers"; \
	    build/fuzz/fuzz_$$h "$$@" >build/fuzz/replay-$$h 2>&1 || { tail -n 30 build/fuzz/replay-$$h; \
	    echo "fuzz_$$h FAILED on a reproducer"; exit 1; }; fi; \
	  echo "== fuzz_$$h for $(FUZZ_SECONDS)s"; \
	  build/fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/$$h- \
	    build/fuzz/work-$$h >build/fuzz/log-$$h 2>&1 || { tail -n 60 build/fuzz/log-$$h; \
	    echo "fuzz_$$h FAILED; reproducer in build/fuzz/crashes/"; exit 1; }; \
	  grep -E '^(stat::number_of_executed_units|Done)' build/fuzz/log-$$h; \
	  done

# The sanitizer build takes the portable eight-byte paths (FL_NO_SIMD), so
# the tests run them (here), the SSE2 ones (valgrind, built with FL_NO_AVX2)
# and, on a CPU that has AVX2, the AVX2 mask pass (check and the fuzzers,
# which run under ASan too).
san:
	$(MAKE) --no-print-directory BUILD=build/san CC=$${SAN_CC:-gcc} \
	  EXTRA_CFLAGS="$(SAN_FLAGS) -DFL_NO_SIMD" EXTRA_LDFLAGS="$(SAN_FLAGS)" OPT="-O1 -g" check

# On a CPU with AVX-512BW and VBMI2, `check` and the fuzzers run the
# mention pass's widest walk (walk_wide in mentions.c); this runs the
# suite again with that walk compiled out (FL_NO_AVX512) and under the
# sanitizers, so the AVX2 walk most CPUs take is tested there too, with
# ASan and UBSan (elsewhere it repeats `check` under them).
check-avx2:
	$(MAKE) --no-print-directory BUILD=build/avx2 CC=$${SAN_CC:-gcc} \
	  EXTRA_CFLAGS="$(SAN_FLAGS) -DFL_NO_AVX512" EXTRA_LDFLAGS="$(SAN_FLAGS)" OPT="-O1 -g" check

# Under valgrind every run of the binary costs seconds (the lexicon index
# is built per run), so the binary runs the end-to-end scripts that cover
# the command line, the formats, streaming and the fuzz reproducers; the
# unit tests cover the library in full.
VALGRIND_E2E = cli formats jsonl regressions

valgrind:
	$(MAKE) --no-print-directory BUILD=build/vg OPT="-O1 -g" EXTRA_CFLAGS=-DFL_NO_AVX2 all $(TEST_BIN:$(BUILD)/%=build/vg/%)
	@printf '#!/bin/sh\nexec $(VALGRIND) %s/build/vg/factlint "$$@"\n' "$$(pwd)" >build/vg/factlint-valgrind
	@chmod +x build/vg/factlint-valgrind
	@FACTLINT_NO_JIT=1 FL_TEST_TIME_SCALE=30 VALGRIND="$(VALGRIND)" \
	  FACTLINT=build/vg/factlint-valgrind E2E_ONLY="$(VALGRIND_E2E)" \
	  BUILD=build/vg CK_FORK=no sh tests/run-tests.sh $(TEST_BIN:$(BUILD)/%=build/vg/%)

# ------------------------------------------------------------------ style

FORMAT_FILES = $(wildcard src/*.c src/*.h src/checks/*.c src/checks/*.h include/*.h tests/*.c tests/*.h tools/*.c)

LINT_SRC = $(LIB_SRC) src/main.c
lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --inline-suppr --suppress=missingIncludeSystem --std=c11 -Iinclude -Isrc \
	  -D__GNUC__ $(LINT_SRC)
	clang-tidy --quiet $(LINT_SRC) -- -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Iinclude -Isrc \
	  $(PKG_CFLAGS)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

# ---------------------------------------------------------------- install

factlint.pc: Makefile include/factlint.h
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include' '' \
	  'Name: factlint' 'Description: fact-consistency checker for edited prose' \
	  'Version: $(shell sed -n 's/^#define FL_VERSION "\(.*\)"/\1/p' include/factlint.h)' \
	  'Requires: $(PKGS)' \
	  'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lfactlint -lstemmer -lpthread -lm' > $@

install: all factlint.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(MANDIR) $(DESTDIR)$(PCDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/factlint
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libfactlint.a
	install -m 644 include/factlint.h $(DESTDIR)$(INCDIR)/factlint.h
	install -m 644 factlint.1 $(DESTDIR)$(MANDIR)/factlint.1
	install -m 644 factlint.pc $(DESTDIR)$(PCDIR)/factlint.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/factlint $(DESTDIR)$(LIBDIR)/libfactlint.a \
	  $(DESTDIR)$(INCDIR)/factlint.h $(DESTDIR)$(MANDIR)/factlint.1 $(DESTDIR)$(PCDIR)/factlint.pc

clean:
	rm -rf build factlint factlint.pc

# ------------------------------------------- normalizer micro-benchmark
# Keys per second for short ASCII names and a mixed Unicode set; also run by
# `make bench`.
.PHONY: bench-normalize
bench: bench-normalize

$(BUILD)/bench-normalize/bench_normalize: tests/bench_normalize.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -D_GNU_SOURCE $(WARN) -Iinclude $< $(LIB) $(PKG_LIBS) -o $@

bench-normalize: $(BUILD)/bench-normalize/bench_normalize
	$(BUILD)/bench-normalize/bench_normalize

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
