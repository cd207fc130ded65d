#!/usr/bin/env bash
# streaming-ingest benchmark: ROOT -> Parquet events/s per core, on generated Delphes-layout files.
# Anchor: a plain single-threaded loop (arrow-bridge reader + ArrowParquetWriter, no Flink) on the same
# files in the same run; then the Flink job in bounded mode at parallelism 1 and 2 (local MiniCluster).
# Usage: bench/ingest.sh [WORK_DIR]   (EVENTS_PER_CLASS, default 67000: 3 classes, >= 200k events)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORK="${1:-/tmp/dltrigger-bench-ingest}"
EVENTS_PER_CLASS="${EVENTS_PER_CLASS:-67000}"
INPUT="$WORK/input-$EVENTS_PER_CLASS"
export DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx6g}"

if [ ! -f "$INPUT/.complete" ]; then
  rm -rf "$INPUT"
  for class in qcd ttbar wjets; do
    "$HOME_DIR/bin/dltrigger" generate --class "$class" --events "$EVENTS_PER_CLASS" --events-per-file 10000 \
      --seed 1 --threads 2 --out "$INPUT"
  done
  touch "$INPUT/.complete"
fi
echo "input: $(find "$INPUT" -name '*.root' | wc -l) files, $(du -sh "$INPUT" | cut -f1)"
rm -rf "$WORK/out"
"$HOME_DIR/bin/dltrigger" bench-ingest --input "$INPUT" --work "$WORK/out" --parallelism 1,2 --chunk-events 2000
