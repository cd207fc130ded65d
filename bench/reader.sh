#!/usr/bin/env bash
# Reader benchmark (arrow-bridge): ROOT -> Arrow on generated Delphes-layout files, one thread, beside
# the decompression-only bound and JSROOT reading the same branches of the same files, in one run.
# Usage: bench/reader.sh [EVENTS]   (default 100000 ttbar events, in files of 25000)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-100000}"
DATA="target/bench-data/reader-$EVENTS"
BRANCHES="Electron.PT,Electron.Eta,Electron.Phi,Electron.Charge,MuonTight.PT,MuonTight.Eta,MuonTight.Phi,MuonTight.Charge,Jet.PT,Jet.Eta,Jet.Phi,Jet.BTag,MissingET.MET,MissingET.Phi,EFlowTrack.PT,EFlowTrack.Eta,EFlowTrack.Phi,EFlowTrack.PID,EFlowTrack.X,EFlowTrack.Y,EFlowTrack.Z,EFlowPhoton.ET,EFlowPhoton.Eta,EFlowPhoton.Phi,EFlowNeutralHadron.ET,EFlowNeutralHadron.Eta,EFlowNeutralHadron.Phi"
if [ ! -d "$DATA" ]; then
  bin/dltrigger generate --class ttbar --events "$EVENTS" --events-per-file 25000 --seed 7 --out "$DATA"
fi
JS="target/jsroot"
if [ ! -d "$JS/node_modules/jsroot" ]; then
  mkdir -p "$JS" && npm install --silent --prefix "$JS" --ignore-scripts jsroot@7.11.2 >/dev/null
fi
cp bench/jsroot-read.mjs "$JS/"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(du -sh "$DATA" | cut -f1) of ROOT files"
bin/dltrigger bench-reader --tree Delphes --branches "$BRANCHES" --repeat 3 "$DATA"/*.root
node "$JS/jsroot-read.mjs" Delphes "$BRANCHES" "$(pwd)/$DATA"/*.root
