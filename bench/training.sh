#!/usr/bin/env bash
# dl4j-training benchmark: training events per CPU second (HLF and LSTM models; DL4J's fit, our training step,
# parameter averaging on local[2]), with the test AUC beside each, grid-search fits per minute, and, in the same
# run, the PyTorch anchor (bench/torch_anchor.py: same networks, same data, one thread).
# Figures go to bench/RESULTS.md "## dl4j-training".
#
#   bench/training.sh [bench-training options]   e.g. --hlf-events 100000 --seq-events 1000 --epochs 2
#   bench/training.sh --scaling [SIZES]          HLF training cost growth: one JVM per size (default 10000 100000 1000000)
#
# ND4J gets one OpenMP thread (OMP_NUM_THREADS=1) and PyTorch one thread, so single-process figures are per core;
# parameter averaging on local[2] uses two cores. Override with OMP_NUM_THREADS=N.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx3g}"
WORK="$HOME_DIR/work/bench-training"
PYTHON="${PYTHON:-/usr/bin/python3}"

if [ "${1:-}" = "--scaling" ]; then
  shift
  sizes=("$@")
  [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
  uptime
  echo "| training events in table | epochs | events trained | wall s | CPU s | events per CPU-second | peak RSS MiB | test ttbar AUC |"
  echo "|---|---|---|---|---|---|---|---|"
  for n in "${sizes[@]}"; do
    "$HOME_DIR/bin/dltrigger" bench-training --work "$WORK" --hlf-events "$n" --generate-only >/dev/null 2>&1
    "$HOME_DIR/bin/dltrigger" bench-training --work "$WORK" --hlf-events "$n" --epochs 2 --stream-only 2>/dev/null \
      | grep '^| '
  done
  uptime
  exit 0
fi

epochs=2
torch_args=()
prev=""
for a in "$@"; do
  case "$prev" in --epochs) epochs="$a" ;; esac
  case "$a" in --skip-hlf|--skip-seq) torch_args+=("$a") ;; esac
  prev="$a"
done
uptime
"$HOME_DIR/bin/dltrigger" bench-training --work "$WORK" --torch-data "$WORK/torch" "$@"
"$PYTHON" "$HOME_DIR/bench/torch_anchor.py" --data "$WORK/torch" --epochs "$epochs" "${torch_args[@]}"
uptime
