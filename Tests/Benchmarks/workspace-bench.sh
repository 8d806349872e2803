#!/usr/bin/env bash
# Workspace against stateless reconcile on the same files (issue 7): wall time and peak memory of
# `recon reconcile`, and of `recon init` + `import invoices` + `import bank` + `match`.
#
#   Tests/Benchmarks/workspace-bench.sh INVOICES.csv CAMT.xml [WORKDIR]
#
# Uses the release build (.build/release/recon) and GNU time. WORKDIR (default: a new temporary
# directory, removed afterwards) holds the outputs and the workspace.
set -euo pipefail
RECON=${RECON:-$(dirname "$0")/../.build/release/recon}
invoices=$1
bank=$2
work=${3:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${3:-}" ] || trap 'rm -rf "$work"' EXIT

measure() {  # label command…
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err" || {
        echo "$label failed:"; cat "$work/$label.err"; exit 1; }
    read -r seconds kib <"$work/time"
    printf '%-22s %8.1f s %8d MiB\n' "$label" "$seconds" $((kib / 1024))
}

echo "inputs: $(basename "$invoices") ($(du -h "$invoices" | cut -f1)), $(basename "$bank") ($(du -h "$bank" | cut -f1))"
measure reconcile "$RECON" reconcile --invoices "$invoices" --bank "$bank" --out "$work/stateless" --quiet
rm -rf "$work/ws"
measure "init" "$RECON" init "$work/ws"
measure "import invoices" "$RECON" import invoices "$invoices" --workspace "$work/ws"
measure "import bank" "$RECON" import bank "$bank" --workspace "$work/ws" --quiet
measure "match" "$RECON" match --workspace "$work/ws" --quiet
measure "export" "$RECON" export --workspace "$work/ws" --out "$work/export"
measure "import bank again" "$RECON" import bank "$bank" --workspace "$work/ws" --quiet
echo "workspace file: $(du -h "$work/ws/recon.sqlite" | cut -f1)"
tail -1 "$work/import bank again.out"
