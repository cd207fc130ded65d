#!/usr/bin/env bash
# Stream filter benchmark: events scored per CPU-second (one ND4J thread, Flink at parallelism 1), HLF and
# inclusive, beside the batch `score` command's scoring of the same events (their features) with the same models,
# in the same run and JVM (bin/dltrigger bench-filter). Data: generated ROOT files -> ingest -> features
# --no-balance (every selected event, half in test/) -> a short HLF and inclusive training each, published.
# Usage: bench/filter.sh [WORK_DIR]   (EVENTS_PER_CLASS, default 10000: QCD 3x that, ttbar and W+jets 1x)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORK="${1:-/tmp/dltrigger-bench-filter}"
EVENTS_PER_CLASS="${EVENTS_PER_CLASS:-10000}"
DATA="$WORK/data-$EVENTS_PER_CLASS"
D="$HOME_DIR/bin/dltrigger"
export DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx3g}"
export OMP_NUM_THREADS=1

if [ ! -f "$DATA/.complete" ]; then
  rm -rf "$DATA"
  "$D" generate --class qcd --events $((3 * EVENTS_PER_CLASS)) --events-per-file 5000 --seed 1 --out "$DATA/root"
  "$D" generate --class ttbar --events "$EVENTS_PER_CLASS" --events-per-file 5000 --seed 2 --out "$DATA/root"
  "$D" generate --class wjets --events "$EVENTS_PER_CLASS" --events-per-file 5000 --seed 3 --out "$DATA/root"
  "$D" ingest --input "$DATA/root" --output "$DATA/events" --bounded --chunk-events 2000
  "$D" features --events "$DATA/events" --output "$DATA/features" --no-balance --test-fraction 0.5 --master 'local[2]'
  for kind in HLF INCLUSIVE; do
    "$D" train --config conf/training-demo.yaml --features "$DATA/features" --registry "$DATA/registry" \
      --checkpoints "$DATA/checkpoints" --best-config none --model "$kind" --epochs 1 --max-train-events 2000 \
      --local --publish
  done
  touch "$DATA/.complete"
fi
rm -rf "$WORK/out"
echo "load before: $(uptime)"
"$D" bench-filter --events "$DATA/events" --features "$DATA/features" --registry "$DATA/registry" \
  --work "$WORK/out" --repeat 2
echo "load after: $(uptime)"
