#!/usr/bin/env python3
"""make bench: recon's speed on generated data, each figure the median of several runs.

usage: bench.py [--sizes medium,large] [--runs 5] [--data DIR] [--gen PATH] [--recon PATH] [--workspace]

For each size (gen.py: medium = 100,000 payments, large = 1,000,000, with 1.1 x as many open items):
  parse camt     recon inspect camt053.xml --format summary   (everything inspect reads, streamed)
  parse CSV      recon inspect bank.csv --format summary      (the same payments as a Norwegian bank CSV)
  open items     recon inspect --invoices invoices.csv           (every item read and checked, counted as read)
  match only     the "match and settle" phase of reconcile
  reconcile      recon reconcile with the camt file, every output written
  reconcile CSV  recon reconcile with the CSV file
Wall time (median), MB/s of the input, entries/s, and peak RSS (GNU time). The runs go in rounds:
each round runs every task once, at each size back to back, after a reference task that is not
recon's (sha256sum of the largest bank CSV on both cores) whose time tells how quick the machine
was. The growth from one size to the next is each round's own ratio (the two sizes ran back to
back), the median of those shown and checked, the ratio of the two medians beside it. Every run's
figures are saved as bench-runs.json in the data directory.
With --workspace, the workspace script (import + match against stateless reconcile) runs too.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENTRIES = {"small": 1_000, "medium": 100_000, "large": 1_000_000}
# The figures in the order they are printed.
SHOWN = ("parse camt", "parse CSV", "open items", "match only", "reconcile", "reconcile CSV")


def warm(paths):
    """Reads each input file once, so that a run starts with it in the page cache as the targets
    assume. The kernel of the bench machine (DAMON reclaim) evicts a file's pages within seconds
    even with memory free: a 1.45 GB file read just before was half gone 20 s later, and a run
    that read it from disk took 8.0–8.5 s against 6.0–7.0 s warm."""
    for path in paths:
        with open(path, "rb", buffering=0) as f:
            while f.read(1 << 23):
                pass


def run(cmd, env=None):
    """Runs cmd under GNU time, its input files read just before (`warm`); returns (seconds,
    peak KiB, stderr)."""
    warm([arg for arg in cmd[1:] if os.path.isfile(arg)])
    with tempfile.NamedTemporaryFile("r") as timing:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", timing.name] + cmd
        proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, **(env or {})))
        if proc.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
        seconds, kib = timing.read().split()
        return float(seconds), int(kib), proc.stderr


def per_second(amount, wall, form="%.0f"):
    """`amount` a second, or "–" for a run quicker than GNU time's hundredth of a second (the
    small size's, which it reports as 0.00 s)."""
    return form % (amount / wall) if wall > 0 else "–"


def phases(stderr):
    return {m.group(1).strip(): int(m.group(2)) / 1000.0 for m in re.finditer(r"timing: (.+?) (\d+) ms", stderr)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="medium,large")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", default=os.path.join(ROOT, "out", "bench-data"))
    ap.add_argument("--gen", default=os.path.join(ROOT, "..", "shared", "bench", "gen.py"))
    ap.add_argument("--recon", default=os.path.join(ROOT, ".build", "release", "recon"))
    ap.add_argument("--workspace", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.data, exist_ok=True)
    sizes = args.sizes.split(",")
    inputs = {}
    for size in sizes:
        files = {k: os.path.join(args.data, "%s_%s.%s" % (k, size, ext))
                 for k, ext in (("camt053", "xml"), ("bank", "csv"), ("invoices", "csv"))}
        if not all(os.path.exists(f) for f in files.values()):
            if not os.path.exists(args.gen):
                sys.exit("make bench needs the generator %s (or the files in %s)" % (args.gen, args.data))
            print("generating %s data with %s …" % (size, args.gen), flush=True)
            subprocess.run([sys.executable, args.gen, "--size", size, "--out", args.data], check=True,
                           stdout=subprocess.DEVNULL)
        inputs[size] = (files, {k: os.path.getsize(f) / 1e6 for k, f in files.items()})
    out = tempfile.mkdtemp(prefix="recon-bench-")

    def tasks(size):
        """Each task: name, command, MB read, entries, environment."""
        files, mb = inputs[size]
        entries = ENTRIES[size]
        return [
            ("parse camt", [args.recon, "inspect", files["camt053"], "--format", "summary"], mb["camt053"], entries, None),
            ("parse CSV", [args.recon, "inspect", files["bank"], "--format", "summary"], mb["bank"], entries, None),
            ("open items", [args.recon, "inspect", "--invoices", files["invoices"]], mb["invoices"], entries * 11 // 10, None),
            ("reconcile", [args.recon, "reconcile", "--invoices", files["invoices"], "--bank", files["camt053"],
                           "--out", out + "/camt", "--quiet"], mb["camt053"] + mb["invoices"], entries, {"RECON_TIMINGS": "1"}),
            ("reconcile CSV", [args.recon, "reconcile", "--invoices", files["invoices"], "--bank", files["bank"],
                               "--out", out + "/csv", "--quiet"], mb["bank"] + mb["invoices"], entries, None),
        ]

    # The runs go in rounds — each round every task once, each task at every size back to back —
    # not a task's runs one after another: the bench machine's speed drifts by half within
    # minutes, and a task whose runs all fell in a slow stretch (or a size measured in a quicker
    # hour than the other) said more about the hour than about recon.
    plans = {size: tasks(size) for size in sizes}
    samples = {size: {} for size in sizes}
    # The host's own speed in each round, for reading the figures: SHA-256 of the largest bank
    # CSV twice at once, one on each core, in C (coreutils) — nothing of recon's. One alone missed
    # the slow stretches in which a second core is what the machine is short of
    # (docs/performance.md, "Measuring").
    reference_file = inputs[sizes[-1]][0]["bank"]
    reference = None
    if shutil.which("sha256sum"):
        quoted = shlex.quote(reference_file)
        reference = ["sh", "-c", "sha256sum %s >/dev/null & sha256sum %s >/dev/null; wait" % (quoted, quoted)]
    reference_runs = []
    for round_number in range(1, args.runs + 1):
        print("round %d of %d …" % (round_number, args.runs), flush=True)
        if reference:
            reference_runs.append(run(reference)[0])
        for same_task in zip(*(plans[size] for size in sizes)):
            for size, (name, cmd, _, _, env) in zip(sizes, same_task):
                samples[size].setdefault(name, []).append(run(cmd, env))

    rows = []
    for size in sizes:
        results = {}
        for name, _, input_mb, count, _ in plans[size]:
            runs = samples[size][name]
            wall = statistics.median(r[0] for r in runs)
            results[name] = (wall, input_mb, count, max(r[1] for r in runs) / 1024)
        entries = ENTRIES[size]
        match = statistics.median(phases(r[2])["match and settle"] for r in samples[size]["reconcile"])
        results["match only"] = (match, 0, entries, 0)
        files, mb = inputs[size]
        print("\n%s: %d payments (camt %.0f MB, CSV %.0f MB, open items %.0f MB), median of %d runs"
              % (size, entries, mb["camt053"], mb["bank"], mb["invoices"], args.runs))
        for name in SHOWN:
            wall, input_mb, count, peak = results[name]
            if input_mb:
                print("  %-14s %8.2f s  %7s MB/s  %9s entries/s  %6.0f MiB peak"
                      % (name, wall, per_second(input_mb, wall, "%.1f"), per_second(count, wall), peak))
            else:
                print("  %-14s %8.2f s  %17s %9s entries/s" % (name, wall, "", per_second(count, wall)))
        rows.append((size, results))
        if args.workspace:
            subprocess.run([os.path.join(HERE, "workspace-bench.sh"), files["invoices"], files["camt053"]], check=True)
    subprocess.run(["rm", "-rf", out])

    print("\n| size | task | median wall | MB/s | entries/s | peak RSS |")
    print("|---|---|---:|---:|---:|---:|")
    for size, results in rows:
        for name in SHOWN:
            wall, input_mb, count, peak = results[name]
            print("| %s | %s | %.2f s | %s | %s | %s |" % (
                size, name, wall, per_second(input_mb, wall) if input_mb else "–", per_second(count, wall),
                "%.0f MiB" % peak if peak else "–"))
    if reference_runs:
        print("\nhost reference: sha256sum of %s (%.0f MB) on both cores at once %.2f s median, %.2f–%.2f s over the rounds"
              % (os.path.basename(reference_file), os.path.getsize(reference_file) / 1e6,
                 statistics.median(reference_runs), min(reference_runs), max(reference_runs)))
    growth = None
    if len(rows) == 2 and rows[0][1]["reconcile"][0] > 0:
        small, big = rows[0][0], rows[1][0]
        print()
        for name in ("reconcile", "reconcile CSV"):
            of_medians = rows[1][1][name][0] / rows[0][1][name][0]
            paired = round_ratios(samples[small][name], samples[big][name])
            print("%s %s → %s: %.1f× the time for %d× the payments, the median of the rounds' own ratios (%s); "
                  "%.1f× of the two medians"
                  % (name, small, big, statistics.median(paired), ENTRIES[big] // ENTRIES[small],
                     ", ".join("%.1f" % r for r in paired), of_medians))
            if name == "reconcile":
                growth = (statistics.median(paired), of_medians)
    save_runs(args.data, sizes, samples, reference_runs)
    print_targets(dict(rows), growth)


def round_ratios(small_runs, big_runs):
    """The larger size's time over the smaller's, round by round: the two ran back to back, in the
    same stretch of the machine, so each ratio is free of the drift between rounds that a ratio of
    two medians (each taken over every round) keeps."""
    return [big[0] / small[0] for small, big in zip(small_runs, big_runs) if small[0] > 0]


def save_runs(data, sizes, samples, reference_runs):
    """Every run's wall time and peak, by size and task in round order, beside the data
    (bench-runs.json): what the medians were taken of, for reading a bench again later."""
    runs = {size: {name: [{"wall": r[0], "peak_kib": r[1]} for r in samples[size][name]]
                   for name in samples[size]} for size in sizes}
    path = os.path.join(data, "bench-runs.json")
    with open(path + ".tmp", "w") as file:
        json.dump({"runs": runs, "host_reference": reference_runs}, file, indent=1)
    os.replace(path + ".tmp", path)
    print("\nevery run's figures: %s" % path)


def print_targets(by_size, growth):
    """The targets of issue 8 (for the 1M set), each with the figure measured and whether it holds.
    The growth is the median of the rounds' own ratios (see `round_ratios`); the ratio of the two
    medians is printed beside it."""
    large, medium = by_size.get("large"), by_size.get("medium")
    if not large:
        return
    checks = [
        ("parse camt ≥ 200 MB/s", large["parse camt"][1] / large["parse camt"][0], 200, "%.0f MB/s"),
        ("parse CSV ≥ 300 MB/s", large["parse CSV"][1] / large["parse CSV"][0], 300, "%.0f MB/s"),
        ("open items ≥ 300 MB/s", large["open items"][1] / large["open items"][0], 300, "%.0f MB/s"),
        ("reconcile camt < 20 s", -large["reconcile"][0], -20, "%.1f s"),
        ("reconcile camt < 2 GiB", -large["reconcile"][3], -2048, "%.0f MiB"),
        ("reconcile CSV < 10 s", -large["reconcile CSV"][0], -10, "%.1f s"),
        ("camt parse peak < 100 MiB", -large["parse camt"][3], -100, "%.0f MiB"),
    ]
    if medium and growth:
        checks.append(("100k → 1M within 11× (rounds' median; %.1f× of the medians)" % growth[1], -growth[0], -11, "%.1f×"))
    print("\n| target (issue 8) | measured | holds |")
    print("|---|---:|---|")
    for name, value, bound, unit in checks:
        print("| %s | %s | %s |" % (name, unit % abs(value), "yes" if value >= bound else "no"))


if __name__ == "__main__":
    main()
