#!/usr/bin/env bash
# Quick investigations of WHAT carries information (issue 17), outside the pipeline: the generator's events
# through the features stage's selection and features, in memory, written as raw arrays (export), then the
# reference classifiers in PyTorch on them (train). Needs the stages built (mvn -DskipTests package) and
# Debian's python3-torch, python3-numpy, python3-sklearn. The figures these gave are in bench/RESULTS.md.
#   bench/physics-probe.sh export SELECTED_PER_CLASS SEED DIR [qcd,ttbar,wjets]
#   bench/physics-probe.sh train --data DIR --models hlf,gru,incl --order dr_desc --L 100 [--per-class N]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
cmd="${1:-}"; shift || true
case "$cmd" in
  export)
    cp="$HOME_DIR/event-generator/target/classes:$HOME_DIR/features-kernel/target/classes"
    cp="$cp:$HOME_DIR/contract/target/classes:$HOME_DIR/batch-features/target/lib/*"
    out="$(mktemp -d)"
    javac -d "$out" -cp "$cp" "$HOME_DIR/bench/physics-probe/Export.java"
    exec java -Xmx2g -cp "$out:$cp" Export "$@" ;;
  train)
    exec /usr/bin/python3 "$HOME_DIR/bench/physics-probe/probe.py" "$@" ;;
  *) sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
