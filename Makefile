# leadlag — the two commands of the quick start:
#   make run    set up, build, and open the REPL on an example model
#   make test   set up, build, run every test, then a short fuzz smoke
# and to put leadlag on your PATH with its man page and shell completions:
#   make install PREFIX=~/.local   (default /usr/local)
MODEL ?= models/msp-one-month.model
PREFIX ?= /usr/local
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MANUAL := .build/plugins/GenerateManual/outputs/leadlag/leadlag.1

.PHONY: run test build release setup install fuzz

# libedit-dev is required; tmux only drives the interactive tests, which skip
# with a printed reason when it cannot be installed.
setup:
	@pkg-config --exists libedit 2>/dev/null || { \
	  echo "installing libedit-dev"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config; }
	@command -v tmux >/dev/null 2>&1 || { \
	  echo "installing tmux (for the interactive tests)"; \
	  { $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux; } || \
	  echo "tmux could not be installed: the interactive tests will be skipped"; }

build: setup
	swift build

# A release is one static executable: the Swift runtime, Foundation, glibc and libedit (with the
# libraries it needs, from pkg-config --static) are linked in. It starts without the dynamic loader
# mapping, relocating and binding a dozen shared libraries: about a third of the start-up time.
# Generic types are reached through metadata accessors, not by mangled name: a name is decoded at
# run time, and each conformance its type needs is searched for among every conformance linked in
# (Foundation's thousands), which was three quarters of the instructions of a one-line model.
STATIC_LIBS = $(foreach flag,$(shell pkg-config --libs --static libedit libbsd),-Xlinker $(flag))
DIRECT_METADATA = -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
release: setup
	swift build -c release --static-swift-stdlib -Xswiftc -static-executable $(STATIC_LIBS) $(DIRECT_METADATA)

run: build
	.build/debug/leadlag $(MODEL)

# Then the fuzz smoke: each libFuzzer target for FUZZ_SMOKE seconds from the seed corpus
# (skipped, saying why, where the toolchain has no libFuzzer); a finding fails the run.
FUZZ_SMOKE ?= 60
test: build
	swift test
	Fuzzing/run-fuzzers $(FUZZ_SMOKE)

# The man page comes from the argument parser's own description of the command line
# (swift-argument-parser's generate-manual plugin), the completions from the binary itself.
install: release
	swift package plugin generate-manual
	scripts/man-synopsis .build/release/leadlag $(MANUAL)
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/man/man1" \
	  "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
	  "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 .build/release/leadlag "$(PREFIX)/bin/leadlag"
	install -m 644 $(MANUAL) "$(PREFIX)/share/man/man1/leadlag.1"
	.build/release/leadlag --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/leadlag"
	.build/release/leadlag --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_leadlag"
	.build/release/leadlag --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/leadlag.fish"
	@echo "installed $(PREFIX)/bin/leadlag and its man page (man leadlag; or man -l $(PREFIX)/share/man/man1/leadlag.1)"

# libFuzzer targets (Fuzzing/), SECONDS each, from the seed corpus: make fuzz SECONDS=3600
SECONDS ?= 60
fuzz: setup
	Fuzzing/run-fuzzers $(SECONDS)
