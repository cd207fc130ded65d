#!/usr/bin/env bash
# Quick investigations of WHAT carries information (issue 17), outside the pipeline: the generator's events
# through the features stage's selection and features, in memory, written as raw arrays (export: the
# bench-features module's export-physics command), then the reference classifiers in PyTorch on them (train).
# Or a features table's own events, as the DL4J trainer splits them (export-table: bench-training export-table),
# to compare PyTorch and DL4J on the same training, validation and test events.
# Needs Debian's python3-torch, python3-numpy, python3-sklearn. The figures these gave are in bench/RESULTS.md.
#   bench/physics-probe.sh export SELECTED_PER_CLASS SEED DIR [qcd,ttbar,wjets]
#   bench/physics-probe.sh export-table FEATURES_TABLE DIR [ROWS]
#   bench/physics-probe.sh train --data DIR --models hlf,gru,incl --order dr_desc --L 100 [--per-class N]
#   bench/physics-probe.sh train --table DIR --models hlf,incl_lstm [--L 100] [--patience 10]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cmd="${1:-}"; shift || true
case "$cmd" in
  export)
    [ $# -ge 3 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
    args=(--per-class "$1" --seed "$2" --out "$3")
    [ $# -ge 4 ] && args+=(--classes "$4")
    DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx2g}" \
      exec "$HOME_DIR/bin/dltrigger" bench-features export-physics "${args[@]}" ;;
  export-table)
    [ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
    DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx2g}" \
      exec "$HOME_DIR/bin/dltrigger" bench-training export-table --features "$1" --out "$2" --rows "${3:-100}" ;;
  train)
    exec /usr/bin/python3 "$HOME_DIR/bench/physics-probe/probe.py" "$@" ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
