#!/usr/bin/env bash
# Quick investigations of WHAT carries information (issue 17), outside the pipeline: the generator's events
# through the features stage's selection and features, in memory, written as raw arrays (export: the
# bench-features module's export-physics command), then the reference classifiers in PyTorch on them (train).
# Needs Debian's python3-torch, python3-numpy, python3-sklearn. The figures these gave are in bench/RESULTS.md.
#   bench/physics-probe.sh export SELECTED_PER_CLASS SEED DIR [qcd,ttbar,wjets]
#   bench/physics-probe.sh train --data DIR --models hlf,gru,incl --order dr_desc --L 100 [--per-class N]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cmd="${1:-}"; shift || true
case "$cmd" in
  export)
    [ $# -ge 3 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
    args=(--per-class "$1" --seed "$2" --out "$3")
    [ $# -ge 4 ] && args+=(--classes "$4")
    DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx2g}" \
      exec "$HOME_DIR/bin/dltrigger" bench-features export-physics "${args[@]}" ;;
  train)
    exec /usr/bin/python3 "$HOME_DIR/bench/physics-probe/probe.py" "$@" ;;
  *) sed -n '2,7p' "$0" >&2; exit 2 ;;
esac
