#!/usr/bin/env bash
# The demo as a benchmark: bin/demo in a fresh work folder (its wall time per stage and in all), the engine's own
# overhead in its retrain run (bench/pipeline_overhead.py: the run's wall time minus a zero-latency replay of its
# tries under the same pools), then a second bin/demo on the same folder (nothing ingested twice, 0 new events).
# Figures in bench/RESULTS.md ("pipeline"); write the load average beside them (the machine may be shared).
# Usage: bench/pipeline.sh [WORK]   (default work/bench-pipeline; replaced)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cd "$HOME_DIR"
W="${1:-work/bench-pipeline}"
rm -rf "$W"
mkdir -p "$W"
W="$(cd "$W" && pwd)"
echo "== load before: $(uptime)"
start=$(date +%s)
DLTRIGGER_WORK="$W" bin/demo | tee "$W/demo-1.out"
echo "== first demo: $(( $(date +%s) - start )) s; load: $(uptime)"
run="$(sed -n 's/^queued run \([0-9]*\) (.*) of retrain$/\1/p' "$W/demo-1.out")"
python3 bench/pipeline_overhead.py --url "$(cat "$W/engine/server.url")" --token-file "$W/engine/admin.token" --run "$run"
rows() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['events']['total'])" "$1"; }
before="$(rows "$W/report.json")"
start=$(date +%s)
DLTRIGGER_WORK="$W" bin/demo | tee "$W/demo-2.out"
echo "== second demo: $(( $(date +%s) - start )) s; load: $(uptime)"
echo "== event table: $before events after the first demo, $(rows "$W/report.json") after the second;" \
  "new events in the second report: $(python3 -c "import json; print(json.load(open('$W/report.json'))['events']['new'])")"
DLTRIGGER_WORK="$W" bin/demo --stop
