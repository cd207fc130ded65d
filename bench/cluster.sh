#!/usr/bin/env bash
# The cluster check and benchmark: the pipeline's stages on a real Spark standalone cluster (a master and two
# 1-core workers) and a real Flink session cluster (a JobManager and a TaskManager), all separate JVMs on
# 127.0.0.1 started by `bin/dltrigger cluster`, against the same stages in one JVM (local[2], MiniCluster):
#   ingest   session cluster == MiniCluster, row by row; then again with the TaskManager killed (SIGKILL)
#            after the first checkpoint and a new one started: the job restarts and every event is in the
#            table exactly once
#   features spark:// == local[2], row by row (train/ and test/) and scaler.json byte for byte; the Spark
#            event log shows tasks on the executors of both workers
#   train    parameter averaging on spark:// trains a model that evaluates above chance (every class AUC
#            > 0.5), with tasks on both workers; local[2] on the same data for the timing
# Prints a Markdown table of timings (with the load average) and ends with `cluster check: OK` only if every
# check held; any failure stops the script with a message and a non-zero exit, and the cluster is stopped.
# Usage: bench/cluster.sh [WORK_DIR]   (default /tmp/dltrigger-cluster-check; EVENTS=4000 ttbar and W+jets,
# 5x as many QCD; EPOCHS=5)
#
# The stages are driven through bin/dltrigger: run_features/run_train/run_ingest below are the only places
# that know how a stage is started, so that "the engine runs the DAG with the cluster profile" replaces them.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORK="${1:-/tmp/dltrigger-cluster-check}"
EVENTS="${EVENTS:-4000}"
EPOCHS="${EPOCHS:-5}"
D="$HOME_DIR/bin/dltrigger"
export DLTRIGGER_CLUSTER_DIR="$WORK/cluster"
LOGS="$WORK/logs"
RESULTS=()
step() { printf '\n== %s\n' "$*"; }
fail() { echo "cluster check: FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
result() { RESULTS+=("| $1 | $2 | $3 | $(cut -d' ' -f1-3 /proc/loadavg) |"); }

for m in streaming-ingest batch-features dl4j-training event-generator bench/features; do
  [ -f "$HOME_DIR/$m/target/launch.env" ] || { step "building the stages"; "$D" build; break; }
done
for tool in curl jq; do command -v "$tool" > /dev/null || fail "$tool is needed"; done

# Run a main class of a module with that module's classpath and flags (the table comparison tool).
run_class() { # MODULE CLASS ARGS...
  local m="$1" cls="$2" JVM_FLAGS MAIN_CLASS MODULE_JAR; shift 2
  # shellcheck disable=SC1090
  source "$HOME_DIR/$m/target/launch.env"
  # shellcheck disable=SC2086
  java $JVM_FLAGS -cp "$HOME_DIR/$m/target/$MODULE_JAR:$HOME_DIR/$m/target/lib/*" "$cls" "$@"
}
same_table() { # A B ARGS...: row-by-row equality, or fail
  local out
  # its verdict is the last line (Spark may log before it)
  out="$(run_class bench/features io.dltrigger.bench.features.TableCheck "$@" 2>> "$LOGS/table-check.log" | tail -1)" \
    || fail "tables differ: $out"
  echo "  $out"
}

# Free loopback ports for this run (the machine is shared): 7 in a row that nothing listens on.
free_ports() {
  local base p used
  used="$(ss -Htln | awk '{print $4}' | sed 's/.*://')"
  for _ in $(seq 50); do
    base=$((20000 + RANDOM % 30000)); p=$base
    while [ $p -lt $((base + 7)) ] && ! grep -qx "$p" <<< "$used"; do p=$((p + 1)); done
    [ $p -eq $((base + 7)) ] && { echo "$base"; return; }
  done
  fail "no free ports"
}

stop_cluster() { "$D" cluster stop > "$LOGS/cluster-stop.log" 2>&1 || true; }

mkdir -p "$WORK" "$LOGS"
step "input: $((5 * EVENTS)) QCD, $EVENTS ttbar and $EVENTS W+jets events"
INPUT="$WORK/root-$EVENTS"
if [ ! -f "$INPUT/.complete" ]; then
  rm -rf "$INPUT"
  "$D" generate --class qcd --events $((5 * EVENTS)) --events-per-file 5000 --seed 1 --out "$INPUT" > /dev/null
  "$D" generate --class ttbar --events "$EVENTS" --events-per-file 2000 --seed 2 --out "$INPUT" > /dev/null
  "$D" generate --class wjets --events "$EVENTS" --events-per-file 2000 --seed 3 --out "$INPUT" > /dev/null
  touch "$INPUT/.complete"
fi
TOTAL=$((7 * EVENTS))
echo "  $(find "$INPUT" -name '*.root' | wc -l) files, $TOTAL events"

step "starting the clusters (logs under $DLTRIGGER_CLUSTER_DIR/logs)"
rm -rf "$DLTRIGGER_CLUSTER_DIR" "$WORK"/out
mkdir -p "$WORK/out"
OUT="$WORK/out"
base="$(free_ports)"
trap stop_cluster EXIT
SPARK_MASTER_PORT=$base SPARK_MASTER_WEBUI_PORT=$((base + 1)) SPARK_WORKER_WEBUI_PORT=$((base + 2)) \
  FLINK_RPC_PORT=$((base + 4)) FLINK_REST_PORT=$((base + 5)) "$D" cluster start
eval "$("$D" cluster env)"
"$D" cluster status | sed 's/^/  /'
# Spark's web UIs are plain HTTP on loopback (read-only status); Flink's REST endpoint refuses a client
# without the cluster's certificate
if curl -fsS --max-time 5 -k "https://$FLINK_TARGET/overview" > /dev/null 2>&1; then
  fail "the Flink REST endpoint answered a client without a certificate"
fi

# --- how the stages are started: the one place to change for the engine's cluster profile ---------------
run_ingest_local() { "$D" ingest --input "$INPUT" --output "$1" --bounded --parallelism 2 --chunk-events 1000; }
run_ingest_session() { # OUTPUT [--detached]
  local out="$1"; shift
  "$D" ingest --input "$INPUT" --output "$out" --bounded --parallelism 2 --chunk-events 1000 \
    --checkpoint-interval 2s --flink-target "$FLINK_TARGET" "$@"
}
run_features() { # MASTER OUTPUT
  DLTRIGGER_JAVA_OPTS="$SPARK_APP_OPTS -Dspark.executor.memory=1536m -Dspark.ui.enabled=false" \
    "$D" features --events "$OUT/events-local" --output "$2" --master "$1"
}
run_train() { # MASTER NAME
  sed -e "s#work/features#$OUT/features-local#; s#work/models#$OUT/models-$2#; s#work/checkpoints#$OUT/checkpoints-$2#" \
    -e "s#work/tune#$OUT/tune#g; s#^  epochs: .*#  epochs: $EPOCHS#" "$HOME_DIR/conf/training-demo.yaml" > "$OUT/training-$2.yaml"
  DLTRIGGER_JAVA_OPTS="$SPARK_APP_OPTS -Dspark.executor.memory=1536m" \
    "$D" train --config "$OUT/training-$2.yaml" --master "$1" --best-config none
}

# --- checks --------------------------------------------------------------------------------------------
flink() { "$D" cluster flink-rest "$1"; }  # the REST API over mutual TLS
job_state() { flink "/jobs/$1" | jq -r .state; }
wait_job() { # JOB_ID SECONDS: until FINISHED, or fail
  local t=0 s
  while s="$(job_state "$1")"; [ "$s" != FINISHED ]; do
    case "$s" in FAILED|CANCELED) fail "Flink job $1 ended $s" ;; esac
    sleep 2; t=$((t + 2)); [ $t -lt "$2" ] || fail "Flink job $1 not finished after $2 s (state $s)"
  done
}

# Both workers' executors ran tasks of the newest application in the event log. A worker is told apart by
# its web UI port, which is in its executors' log URLs.
both_workers_worked() { # WHAT
  local log per
  log="$(ls -t "$SPARK_EVENT_LOG_DIR" | grep -v inprogress | head -1)"
  per="$(jq -rs '
      (map(select(.Event == "SparkListenerExecutorAdded")
           | {key: .["Executor ID"], value: (.["Executor Info"]["Log Urls"].stdout | capture(":(?<p>[0-9]+)/").p)})
       | from_entries) as $worker
      | map(select(.Event == "SparkListenerTaskEnd") | $worker[.["Task Info"]["Executor ID"]])
      | group_by(.) | map("\(.[0])=\(length)") | join(" ")' "$SPARK_EVENT_LOG_DIR/$log")"
  echo "  $1 ($log): tasks per worker web UI port: $per"
  for port in $SPARK_WORKER_WEBUI_PORTS; do
    grep -qE "(^| )$port=[1-9]" <<< "$per" || fail "$1: no task ran on the worker with web UI port $port"
  done
}

above_chance() { # MODEL_REGISTRY
  local metrics
  metrics="$(ls -td "$1"/models/*/ | head -1)metrics.json"
  echo "  $(jq -c '{auc, accuracy}' "$metrics")"
  jq -e '(.auc | to_entries | all(.value > 0.5)) and .accuracy > (1 / 3)' "$metrics" > /dev/null \
    || fail "the model in $metrics is not above chance"
}

step "ingest on a local MiniCluster (parallelism 2)"
t0=$(now); run_ingest_local "$OUT/events-local" > "$LOGS/ingest-local.log" 2>&1 || fail "local ingest (see $LOGS)"
t1=$(now); result "ingest, $TOTAL events" "MiniCluster, parallelism 2 (one JVM)" "$(secs "$t0" "$t1")"

step "ingest on the Flink session cluster (1 TaskManager, 2 slots), submitted over REST"
t0=$(now); run_ingest_session "$OUT/events-session" > "$LOGS/ingest-session.log" 2>&1 || fail "session ingest"
t1=$(now); result "ingest, $TOTAL events" "session cluster, parallelism 2 (JM + TM)" "$(secs "$t0" "$t1")"
same_table "$OUT/events-local" "$OUT/events-session" --ignore ingest_date --key source_file,entry

step "ingest on the session cluster, TaskManager killed with SIGKILL mid-stream"
job="$(run_ingest_session "$OUT/events-failover" --detached 2> "$LOGS/ingest-failover.log" | sed -n 's/^submitted job \([0-9a-f]*\) .*/\1/p')"
[ -n "$job" ] || fail "no job id from the detached submission (see $LOGS/ingest-failover.log)"
# Mid-stream: after a checkpoint has published part of the table, while the job still runs.
t=0
until [ "$(find "$OUT/events-failover" -name 'part-*.parquet' | wc -l)" -ge 1 ]; do
  [ "$(job_state "$job")" = RUNNING ] || fail "job $job is $(job_state "$job") before its first committed file"
  sleep 0.5; t=$((t + 1)); [ $t -lt 240 ] || fail "no committed file of job $job in 120 s"
done
committed="$(find "$OUT/events-failover" -name 'part-*.parquet' | wc -l)"
checkpoints="$(flink "/jobs/$job/checkpoints" | jq '.counts.completed')"
"$D" cluster kill flink-taskmanager | sed 's/^/  /'
echo "  killed after $checkpoints checkpoint(s), with $committed part files committed; job $(job_state "$job")"
"$D" cluster start flink-taskmanager | sed 's/^/  /'
wait_job "$job" 600
restarts="$(flink "/jobs/$job/metrics?get=numRestarts" | jq -r '.[0].value')"
echo "  job $job FINISHED after $restarts restart(s)"
[ "$restarts" -ge 1 ] || fail "the job did not restart after its TaskManager was killed"
same_table "$OUT/events-local" "$OUT/events-failover" --ignore ingest_date --key source_file,entry

step "features on local[2]"
t0=$(now); run_features "local[2]" "$OUT/features-local" > "$LOGS/features-local.log" 2>&1 || fail "features local[2]"
t1=$(now); result "features, $TOTAL events" "local[2] (one JVM)" "$(secs "$t0" "$t1")"
step "features on the standalone cluster ($SPARK_MASTER_URL, 2 workers x 1 core)"
t0=$(now); run_features "$SPARK_MASTER_URL" "$OUT/features-cluster" > "$LOGS/features-cluster.log" 2>&1 \
  || fail "features on $SPARK_MASTER_URL (see $LOGS/features-cluster.log)"
t1=$(now); result "features, $TOTAL events" "standalone, 2 workers x 1 core" "$(secs "$t0" "$t1")"
both_workers_worked features
for part in train test; do same_table "$OUT/features-local/$part" "$OUT/features-cluster/$part" --key source_file,entry; done
cmp "$OUT/features-local/scaler.json" "$OUT/features-cluster/scaler.json" || fail "scaler.json differs"
echo "  scaler.json identical"

step "train (HLF, $EPOCHS epochs, parameter averaging) on local[2]"
t0=$(now); run_train "local[2]" local > "$LOGS/train-local.log" 2>&1 || fail "train local[2]"
t1=$(now); result "train HLF, $EPOCHS epochs" "local[2] (one JVM)" "$(secs "$t0" "$t1")"
above_chance "$OUT/models-local"
step "train on the standalone cluster"
t0=$(now); run_train "$SPARK_MASTER_URL" cluster > "$LOGS/train-cluster.log" 2>&1 \
  || fail "train on $SPARK_MASTER_URL (see $LOGS/train-cluster.log)"
t1=$(now); result "train HLF, $EPOCHS epochs" "standalone, 2 workers x 1 core" "$(secs "$t0" "$t1")"
both_workers_worked train
above_chance "$OUT/models-cluster"

stop_cluster
trap - EXIT
step "timings (wall seconds, including JVM start-up; load average 1/5/15 min at the end of each run)"
echo "| stage | where | seconds | load |"
echo "|---|---|---|---|"
printf '%s\n' "${RESULTS[@]}"
echo
echo "cluster check: OK"
