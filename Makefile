# leadlag — the two commands of the quick start:
#   make run    set up, build, and open the REPL on an example model
#   make test   set up, build, and run every test
MODEL ?= models/msp-bottoms-up.model
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build release setup fuzz

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

release: setup
	swift build -c release

run: build
	.build/debug/leadlag $(MODEL)

test: build
	swift test

# libFuzzer targets (Fuzzing/), SECONDS each, from the seed corpus: make fuzz SECONDS=3600
SECONDS ?= 60
fuzz: setup
	Fuzzing/run-fuzzers $(SECONDS)
