#!/usr/bin/env bash
# Storage benchmark (arrow-bridge's byte sources): the same generated ROOT files read by the same reader from
# local disk (anchor), from a real XRootD server on 127.0.0.1 (root://, the official client through XrdPosix)
# and from its HTTP interface (http://, ranged GETs), one thread each, passes interleaved, in one run.
# Needs xrootd (apt-get install xrootd-server xrootd-client).
# Usage: bench/storage.sh [EVENTS]   (default 20000 ttbar events, in files of 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-20000}"
DATA="target/bench-data/storage-$EVENTS"
BRANCHES="Electron.PT,Electron.Eta,Electron.Phi,Electron.Charge,MuonTight.PT,MuonTight.Eta,MuonTight.Phi,MuonTight.Charge,Jet.PT,Jet.Eta,Jet.Phi,Jet.BTag,MissingET.MET,MissingET.Phi,EFlowTrack.PT,EFlowTrack.Eta,EFlowTrack.Phi,EFlowTrack.PID,EFlowTrack.X,EFlowTrack.Y,EFlowTrack.Z,EFlowPhoton.ET,EFlowPhoton.Eta,EFlowPhoton.Phi,EFlowNeutralHadron.ET,EFlowNeutralHadron.Eta,EFlowNeutralHadron.Phi"
if [ ! -d "$DATA" ]; then
  bin/dltrigger generate --class ttbar --events "$EVENTS" --events-per-file 5000 --seed 7 --out "$DATA"
fi
# the server may run as nobody: the files must be readable by it
chmod -R a+rX "$DATA"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(du -sh "$DATA" | cut -f1) of ROOT files"
bin/dltrigger bench-storage --tree Delphes --branches "$BRANCHES" --repeat 5 "$DATA"
