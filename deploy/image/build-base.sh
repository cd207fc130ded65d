#!/usr/bin/env bash
# The image's base, built offline from Debian packages (no container registry): Debian 12 (bookworm) minbase
# with OpenJDK 17's headless runtime and a non-root user dltrigger (uid/gid 10001), as a Docker-archive tarball
# that Jib takes as its base (from.image = tar://...). Debian's own apt sources of this machine are used.
# Cached by the hash of this script under ~/.cache/dltrigger (DLTRIGGER_BASE_REBUILD=1 rebuilds).
# Usage: build-base.sh OUTPUT.tar     Needs: mmdebstrap, umoci, skopeo (Debian packages), root or fakeroot.
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
key="$(sha256sum "$here/build-base.sh" | cut -c1-16)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/dltrigger/base-$key.tar"
if [ -s "$cache" ] && [ -z "${DLTRIGGER_BASE_REBUILD:-}" ]; then
  cp "$cache" "$out"; echo "base image: cached $cache"; exit 0
fi
for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" > /dev/null || { echo "build-base: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Reproducible timestamps; the package versions are those of the mirror on the day.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(date -d 2026-01-01 +%s)}"
mmdebstrap --variant=minbase --mode=auto --format=tar \
  --include=openjdk-17-jre-headless,ca-certificates \
  --customize-hook='chroot "$1" groupadd --gid 10001 dltrigger' \
  --customize-hook='chroot "$1" useradd --uid 10001 --gid 10001 --create-home --shell /bin/bash dltrigger' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/usr/share/doc/* "$1"/usr/share/man/*' \
  bookworm "$work/rootfs.tar" > "$work/mmdebstrap.log" 2>&1 || { tail -20 "$work/mmdebstrap.log" >&2; exit 1; }
umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci unpack --image "$work/oci:base" "$work/bundle" > /dev/null
tar -C "$work/bundle/rootfs" -xf "$work/rootfs.tar"
umoci repack --image "$work/oci:base" "$work/bundle"
umoci config --image "$work/oci:base" --architecture=amd64 --os=linux \
  --config.env="PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env="JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64" --config.env="LANG=C.UTF-8" \
  --config.user=10001:10001 --config.workingdir=/home/dltrigger \
  --config.label="org.opencontainers.image.title=dltrigger-base" \
  --config.label="org.opencontainers.image.description=Debian 12 minbase with OpenJDK 17 (headless JRE)"
umoci gc --layout "$work/oci"
mkdir -p "$(dirname "$cache")"
skopeo copy --quiet "oci:$work/oci:base" "docker-archive:$work/base.tar:dltrigger-base:bookworm-jre17"
mv "$work/base.tar" "$cache"
cp "$cache" "$out"
echo "base image: built $cache ($(du -h "$cache" | cut -f1))"
