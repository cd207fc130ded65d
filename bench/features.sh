#!/usr/bin/env bash
# Benchmark of the features stage (issue 5): selection + features + write, events/s per core, on
# generated events (34,000 per sample = 102,000 by default) at local[1] and local[2], and the plain
# double-loop isolation on the same events in the same run. The event table is generated first (not
# timed) under WORK and reused by later runs. Usage: bench/features.sh [WORK] [EVENTS_PER_SAMPLE]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/dltrigger-bench-features}"
PER_SAMPLE="${2:-34000}"
mkdir -p "$WORK"
DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx6g}" exec "$HOME_DIR/bin/dltrigger" bench-features \
  --work "$WORK" --events-per-sample "$PER_SAMPLE" --cores 1,2 --pairwise-cores 2
