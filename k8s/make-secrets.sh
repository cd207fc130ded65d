#!/usr/bin/env bash
# Writes the engine's API token and the database password as random values into k8s/base/namespaced/secrets/ (0600,
# git-ignored), which the base's secretGenerator turns into the dltrigger-secrets Secret. Existing files are
# kept (re-running does not rotate them; delete a file to rotate it).
set -euo pipefail
dir="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)/base/namespaced/secrets"
mkdir -p "$dir" && chmod 700 "$dir"
umask 077
for name in api-token db-password; do
  [ -s "$dir/$name" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/$name"
done
echo "secrets in $dir"
