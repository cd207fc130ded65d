#!/usr/bin/env bash
# event-generator benchmark: in-memory generation, events/s per core (this thread's CPU time, so other load
# on the machine does not count), per class, beside the particle-gun anchor (same multiplicities, random
# values, no physics) measured in the same run; then generation + ROOT writing (zlib), MB/s per core.
# Figures go to bench/RESULTS.md, section "## event-generator". Usage: bench/generator.sh [EVENTS]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
EVENTS="${1:-50000}"
OUT="$HOME_DIR/target/bench-data/generator"
(cd "$HOME_DIR" && mvn -B -q -o -pl event-generator package -DskipTests)
rm -rf "$OUT"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$HOME_DIR/bin/dltrigger" bench-generator --events "$EVENTS" --write-dir "$OUT"
rm -rf "$OUT"
