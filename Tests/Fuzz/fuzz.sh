#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Tests/Fuzz with the fuzzer and address sanitizer and
# runs each for FUZZ_SECONDS (default 60), one after the other.
#
#   FUZZ_SECONDS=600 make fuzz            longer
#   FUZZ_TARGETS="camt mt940" make fuzz   some targets only
#   FUZZ_CONFIG=debug make fuzz           a debug build (slower, other checks)
#
# Seeds come from fixtures/, ../shared/external (or $RECON_CORPUS; absent: fixtures only),
# templates/banks and Tests/Fuzz/Seeds, by file type; the growing corpus lives in out/fuzz/corpus.
# A crash or hang is written to fixtures/fuzz/<target>/, where the test suite replays it (commit it
# with its fix). The figures of the run go to out/fuzz/report.txt.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-60}
config=${FUZZ_CONFIG:-release}
targets=${FUZZ_TARGETS:-"csv camt mt940 profile decisions-csv decisions-xlsx amount date"}
external=${RECON_CORPUS:-$root/../shared/external}
work=$root/out/fuzz
swift=${SWIFT:-swift}

# lld: gold stops with an internal error (format_file_lineno) linking some sanitized targets.
flags=(-c "$config" --package-path Tests/Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
echo "fuzz: building the targets ($config, -sanitize=fuzzer,address)"
"$swift" build "${flags[@]}" || exit 1
bin=$("$swift" build "${flags[@]}" --show-bin-path)

# The files of one target's kind, from every seed source.
seeds() {
    local target=$1 sources=("$root/fixtures")
    [ -d "$root/Tests/Fuzz/Seeds/$target" ] && sources+=("$root/Tests/Fuzz/Seeds/$target")
    [ -d "$external" ] && sources+=("$external")
    case $target in
        csv)            find "${sources[@]}" -type f \( -iname '*.csv' -o -name '*.dat' \) -not -path '*/fuzz/*' ;;
        camt)           find "${sources[@]}" -type f -name '*.xml' -not -path '*/fuzz/*' ;;
        mt940)          find "${sources[@]}" -type f \( -name '*.sta' -o -name '*.940' -o -name '*.mt940' -o -name '*.swi' \
                             -o -name '*.txt' \) -not -path '*/fuzz/*' ;;
        profile)        find "$root/templates/banks" "${sources[@]}" -type f -name '*.toml' -not -path '*/fuzz/*' ;;
        decisions-csv)  find "${sources[@]}" -type f \( -name 'exceptions*.csv' -o -name 'decisions*.csv' \
                             -o -path '*/Seeds/decisions-csv/*' \) -not -path '*/fuzz/*' ;;
        *)              find "${sources[@]:1}" -type f -path "*/Seeds/$target/*" ;;
    esac
    # Earlier findings are seeds too.
    [ -d "$root/fixtures/fuzz/$target" ] && find "$root/fixtures/fuzz/$target" -type f
}

# Leak checking is off: TOMLKit's string getter leaks a strdup per value read and Foundation's
# fileSystemRepresentation leaks a path, so every run would stop at its first input; a leak that
# grows is still caught by -rss_limit_mb. Swift's own backtracer is off so that ASan reports.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export SWIFT_BACKTRACE=enable=no

mkdir -p "$work"
report=$work/report.txt
printf '%-15s %12s %9s %8s %7s  %s\n' target executions exec/s seconds corpus result > "$report"
failed=0
for target in $targets; do
    corpus=$work/corpus/$target
    seed_dir=$work/seeds/$target
    artifacts=$root/fixtures/fuzz/$target
    mkdir -p "$corpus" "$artifacts"
    rm -rf "$seed_dir" && mkdir -p "$seed_dir"
    # Copies under the checksum's name: duplicates collapse, and files over 256 KiB stay out
    # (libFuzzer mutates up to -max_len bytes anyway).
    seeds "$target" | while read -r file; do
        [ "$(stat -c %s "$file")" -le 262144 ] && cp "$file" "$seed_dir/$(sha1sum "$file" | cut -c1-40)"
    done
    dict=()
    [ -f "Tests/Fuzz/Dictionaries/$target.dict" ] && dict=(-dict="Tests/Fuzz/Dictionaries/$target.dict")
    log=$work/$target.log
    echo "fuzz: $target for ${seconds}s ($(ls "$seed_dir" | wc -l) seeds, log $log)"
    "$bin/fuzz-$target" "$corpus" "$seed_dir" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" >"$log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
    size=$(ls "$corpus" | wc -l)
    result=clean
    if [ $status -ne 0 ]; then
        result="FOUND: $(grep -o 'Test unit written to .*' "$log" | sed 's/Test unit written to //' | sed "s|$root/||" | tail -1)"
        failed=1
    fi
    printf '%-15s %12s %9s %8s %7s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "${took:-?}" "$size" "$result" >> "$report"
done
echo
cat "$report"
if [ $failed -ne 0 ]; then
    echo "fuzz: inputs that crashed or hung are in fixtures/fuzz/<target>/ (the test suite replays them); see the logs in $work"
fi
exit $failed
