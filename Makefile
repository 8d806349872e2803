# recon — the two commands: `make demo` and `make test`.
SWIFT  ?= swift
RECON  := .build/release/recon
DEMO   := fixtures/demo

GEN    ?= ../shared/bench/gen.py
QUALITY := out/quality

.PHONY: all build demo test bench quality fuzz clean deps

all: build

# libxml2's headers come from Debian's libxml2-dev (found through pkg-config), SQLite's from libsqlite3-dev (GRDB),
# zlib's from zlib1g-dev (ZIPFoundation's inflate), ISA-L's from libisal-dev (the workbook's deflate),
# mimalloc from libmimalloc-dev (the executable's allocator).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "recon needs Swift 6.1 or later: https://www.swift.org/install/linux/"; exit 1; }
	@if ! pkg-config --exists libxml-2.0 2>/dev/null || ! test -f /usr/include/sqlite3.h || ! test -f /usr/include/zlib.h || ! test -f /usr/include/isa-l.h || ! test -f /usr/include/mimalloc.h; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing libxml2-dev, libsqlite3-dev, zlib1g-dev, libisal-dev, libmimalloc-dev and pkg-config with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-dev libsqlite3-dev zlib1g-dev libisal-dev libmimalloc-dev pkg-config >/dev/null; \
	  else \
	    echo "recon needs the headers of libxml2, SQLite, zlib, ISA-L and mimalloc, and pkg-config. Install them with:"; \
	    echo "  sudo apt-get install -y libxml2-dev libsqlite3-dev zlib1g-dev libisal-dev libmimalloc-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

# The Swift runtime and Foundation linked into the binary (--static-swift-stdlib): a run starts in
# ~10 ms instead of ~20 (the dynamic loader bound some 12,000 symbols across the Swift libraries
# first), and the binary needs no Swift installed where it runs (docs/decisions.md).
build: deps
	$(SWIFT) build -c release --product recon --static-swift-stdlib

demo: build
	$(RECON) reconcile --invoices $(DEMO)/invoices.csv \
	  --bank $(DEMO)/statement.camt053.xml --bank $(DEMO)/bank.csv \
	  --config $(DEMO)/recon.toml --out out/demo
	@echo
	@echo "Open the results in out/demo/ — start with exceptions.csv (what needs a person) and journal.csv."

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Matching quality against the seeded generator's ground truth (10,000 payments).
quality: build
	@command -v python3 >/dev/null || { echo "make quality needs python3"; exit 1; }
	@test -f $(GEN) || { echo "make quality needs the generator $(GEN) (set GEN=path/to/gen.py)"; exit 1; }
	python3 $(GEN) --size small --entries 10000 --out $(QUALITY)
	$(RECON) reconcile --invoices $(QUALITY)/invoices_small.csv --bank $(QUALITY)/camt053_small.xml --out $(QUALITY)/run >/dev/null
	@echo
	@python3 Tests/Quality/quality.py $(QUALITY)/truth_small.csv $(QUALITY)/run/settlements.csv

# libFuzzer on every reader, FUZZ_SECONDS (60) each; see Tests/Fuzz/fuzz.sh and docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Tests/Fuzz/fuzz.sh

# Speed on generated data (Tests/Benchmarks/bench.py): parse camt and CSV, open items, match only,
# reconcile — 100k and 1M payments, median of BENCH_RUNS runs. BENCH_SIZES=medium for a quick run;
# BENCH_WORKSPACE=1 adds the workspace (import + match) against stateless reconcile.
BENCH_SIZES ?= medium,large
BENCH_RUNS ?= 5
BENCH_DATA ?= out/bench-data
bench: build
	@command -v python3 >/dev/null || { echo "make bench needs python3"; exit 1; }
	python3 Tests/Benchmarks/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --data $(BENCH_DATA) \
	  --gen $(GEN) $(if $(BENCH_WORKSPACE),--workspace)

clean:
	rm -rf .build Tests/Fuzz/.build out
