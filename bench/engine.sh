#!/usr/bin/env bash
# DAG engine scheduling overhead, durable state on (H2 file, writes fenced), runs triggered over REST with an API
# token: (a) 40 sequential no-op tasks, in process
# and as child processes; (b) a 1,000-task fan-out/fan-in with 8 workers; (c) child-JVM task start latency;
# (d) the cost of a token check per request.
# Figures go to bench/RESULTS.md (section "## dag-engine") by hand, with this command line.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
(cd "$HOME_DIR" && mvn -B -q -o -pl dag-engine package -DskipTests)
exec "$HOME_DIR/bin/dltrigger" bench-engine --repeat "${REPEAT:-5}" "$@"
