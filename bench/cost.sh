#!/usr/bin/env bash
# How cost grows (issue 15): the ingest job (Flink, bounded) and the features job (Spark) on event sets 10x
# apart, each stage in its own JVM as bin/dltrigger runs it, timed by GNU time: wall seconds, user + system
# CPU seconds of the whole process, peak resident memory (RSS). Between two sizes, the marginal events per CPU
# second (the difference of events over the difference of CPU: start-up cancels out).
#
# Usage: bench/cost.sh WORK SIZE...   e.g. bench/cost.sh /tmp/cost 10000 100000 1000000
#   SIZE is a number of events. Inputs are generated once per size under WORK/input-SIZE (a third per class,
#   10,000 events per file); a size above LINK_ABOVE (default 100000) is made of hard links to the largest
#   generated input under new file names (the same events again, as new files: no extra disk, and the ROOT
#   files stay in the page cache). STAGES (default "ingest features") picks the stages; DLTRIGGER (default
#   this checkout's bin/dltrigger) the build to measure, so that another build can be measured by the same
#   script (an anchor). DLTRIGGER_JAVA_OPTS defaults to -Xmx6g; PARALLELISM (default 2) is the ingest's
#   parallelism and the features job's local[N]. The event tables are kept under WORK/events-SIZE (the
#   features job reads them); KEEP_TABLES=0 deletes each table once its features run is done.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
DLTRIGGER="${DLTRIGGER:-$HOME_DIR/bin/dltrigger}"
WORK="${1:?usage: bench/cost.sh WORK SIZE...}"
shift
STAGES="${STAGES:-ingest features}"
LINK_ABOVE="${LINK_ABOVE:-100000}"
PARALLELISM="${PARALLELISM:-2}"
KEEP_TABLES="${KEEP_TABLES:-1}"
export DLTRIGGER_JAVA_OPTS="${DLTRIGGER_JAVA_OPTS:--Xmx6g}"
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$WORK"

generate() { # SIZE: WORK/input-SIZE, a third of the events per class
  local size="$1" dir="$WORK/input-$1"
  [ -f "$dir/.complete" ] && return
  rm -rf "$dir"
  local per=$((size / 3))
  for class in qcd ttbar wjets; do
    local n=$per
    [ "$class" = qcd ] && n=$((size - 2 * per))
    "$HOME_DIR/bin/dltrigger" generate --class "$class" --events "$n" --events-per-file 10000 --seed 7 \
      --threads 1 --out "$dir" >/dev/null
  done
  touch "$dir/.complete"
}

link() { # SIZE FROM: WORK/input-SIZE as SIZE/FROM copies of WORK/input-FROM under new names
  local size="$1" from="$2" dir="$WORK/input-$1"
  [ -f "$dir/.complete" ] && return
  rm -rf "$dir" && mkdir -p "$dir"
  for ((copy = 0; copy < size / from; copy++)); do
    for f in "$WORK/input-$from"/*.root; do
      local name; name="$(basename "$f")"
      ln "$f" "$dir/${name%%_*}_copy${copy}_${name#*_}"
    done
  done
  touch "$dir/.complete"
}

measure() { # LABEL EVENTS COMMAND...: prints one table row, remembers events and CPU for the marginal
  local label="$1" events="$2"; shift 2
  local log="$WORK/time-$label-$events.log"
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v -o "$log" "$@" >"$WORK/out-$label-$events.log" 2>&1 \
    || { echo "$label $events failed: see $WORK/out-$label-$events.log" >&2; exit 1; }
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$log")"
  rss="$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$log")"
  local cpu; cpu="$(echo "$user + $sys" | bc -l)"
  local marginal="-"
  if [ -n "${LAST_CPU[$label]:-}" ]; then
    marginal="$(echo "($events - ${LAST_EVENTS[$label]}) / ($cpu - ${LAST_CPU[$label]})" | bc -l | xargs printf '%.0f')"
  fi
  LAST_CPU[$label]="$cpu"
  LAST_EVENTS[$label]="$events"
  printf '| %s | %s | %.1f | %.1f | %.0f | %s | %s | %s |\n' "$label" "$events" "$wall" "$cpu" \
    "$(echo "$events / $cpu" | bc -l)" "$marginal" "$rss" "$load"
}

declare -A LAST_CPU LAST_EVENTS
generated=""
for size in "$@"; do
  if [ "$size" -le "$LINK_ABOVE" ]; then generate "$size"; generated="$size"; else link "$size" "$generated"; fi
done
echo "| stage | events | wall s | CPU s (user + sys) | events per CPU s | marginal events per CPU s (from the size above) | peak RSS MB | load (1 min) at start |"
echo "|---|---|---|---|---|---|---|---|"
for size in "$@"; do
  table="$WORK/events-$size"
  if [[ " $STAGES " == *" ingest "* ]]; then
    rm -rf "$table"
    measure ingest "$size" "$DLTRIGGER" ingest --input "$WORK/input-$size" --output "$table" --bounded \
      --parallelism "$PARALLELISM" --checkpoint-interval 60s
    [[ " $STAGES " == *" features "* ]] || [ "$KEEP_TABLES" = 1 ] || rm -rf "$table"
  fi
  if [[ " $STAGES " == *" features "* ]]; then
    measure features "$size" "$DLTRIGGER" features --events "$table" --output "$WORK/features-$size" \
      --master "local[$PARALLELISM]" --overwrite
    rm -rf "$WORK/features-$size"
    [ "$KEEP_TABLES" = 1 ] || rm -rf "$table"
  fi
done
