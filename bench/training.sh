#!/usr/bin/env bash
# dl4j-training benchmark: training events/s per core (HLF and LSTM models, single process and parameter
# averaging on local[2]), grid-search fits per minute, test AUC. Figures go to bench/RESULTS.md "## dl4j-training".
# ND4J gets one OpenMP thread per process (OMP_NUM_THREADS=1) so single-process figures are per core;
# parameter averaging on local[2] then uses two cores. Override with OMP_NUM_THREADS=N.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx6g}"
exec "$HOME_DIR/bin/dltrigger" bench-training --work "$HOME_DIR/work/bench-training" "$@"
