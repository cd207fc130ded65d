#!/usr/bin/env bash
# The demo as a benchmark: bin/dltrigger demo (the README's first command) in a fresh work folder (its wall time
# per stage and in all), the engine's own overhead in its retrain run (bench/pipeline_overhead.py: the run's wall time minus a zero-latency replay of its
# tries under the same pools), then a second demo on the same folder (nothing ingested twice, 0 new events).
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
DLTRIGGER_WORK="$W" bin/dltrigger demo | tee "$W/demo-1.out"
echo "== first demo: $(( $(date +%s) - start )) s; load: $(uptime)"
run="$(sed -n 's/^queued run \([0-9]*\) (.*) of retrain$/\1/p' "$W/demo-1.out")"
# the local profile's pools (conf/profiles/local.yaml) and the engine's workers (conf/engine.yaml)
python3 bench/pipeline_overhead.py --url "$(cat "$W/engine/server.url")" --token-file "$W/engine/admin.token" \
  --run "$run" --pools spark=2 --workers 4
rows() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['events']['total'])" "$1"; }
parts() { find "$W/events" -name 'part-*.parquet' | wc -l; }
before="$(rows "$W/report.json")"
parts_before="$(parts)"
start=$(date +%s)
DLTRIGGER_WORK="$W" bin/dltrigger demo | tee "$W/demo-2.out"
echo "== second demo: $(( $(date +%s) - start )) s; load: $(uptime)"
echo "== event table: $before events in $parts_before part files after the first demo," \
  "$(rows "$W/report.json") in $(parts) after the second;" \
  "new events in the second report: $(python3 -c "import json; print(json.load(open('$W/report.json'))['events']['new'])")"
DLTRIGGER_WORK="$W" bin/dltrigger demo --stop
