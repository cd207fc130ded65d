#!/usr/bin/env bash
# Lays out the image's /opt/dltrigger from the built modules: bin/ (the launcher, the container entry point,
# the Flink usrlib helper), conf/, and per stage MODULE/target/{MODULE.jar, launch.env, classpath}, where
# classpath lists the stage's libraries in the shared jars/ folder. Each jar is stored once however many stages
# use it (Spark's jars serve both Spark stages): about 600 MB instead of 900. A name found twice with different
# contents stops the build. spark-kubernetes/classpath: Spark's Kubernetes support for the Spark stages' driver
# and executor pods, without the jars the stages already have.
# Usage: assemble.sh REPOSITORY OUTPUT_ROOT SPARK_KUBERNETES_LIB
set -euo pipefail
repo="$1"; root="$2/opt/dltrigger"; k8slib="$3"
modules=(arrow-bridge event-generator streaming-ingest batch-features dl4j-training stream-filter pipeline dag-engine)
rm -rf "$2"
mkdir -p "$root/bin" "$root/jars" "$root/spark-kubernetes"
cp "$repo/bin/dltrigger" "$repo/bin/container-entrypoint" "$repo/bin/flink-usrlib" "$root/bin/"
cp -r "$repo/conf" "$root/conf"

add_jar() { # JAR -> its path in the image (stored once)
  local name target
  name="$(basename "$1")"; target="$root/jars/$name"
  if [ -e "$target" ]; then
    cmp -s "$1" "$target" || { echo "assemble: two different $name" >&2; exit 1; }
  else
    cp "$1" "$target"
  fi
  echo "/opt/dltrigger/jars/$name"
}

for m in "${modules[@]}"; do
  t="$repo/$m/target"
  [ -f "$t/launch.env" ] && [ -d "$t/lib" ] || { echo "assemble: $m is not built" >&2; exit 1; }
  # shellcheck disable=SC1091
  (source "$t/launch.env"
   mkdir -p "$root/$m/target"
   cp "$t/$MODULE_JAR" "$root/$m/target/$m.jar"
   printf 'JVM_FLAGS="%s"\nMAIN_CLASS="%s"\nMODULE_JAR="%s"\n' "$JVM_FLAGS" "$MAIN_CLASS" "$m.jar" \
     > "$root/$m/target/launch.env")
  for jar in "$t"/lib/*.jar; do add_jar "$jar"; done | sort > "$root/$m/target/classpath"
done

# Spark's Kubernetes support: what the Spark stages do not already carry (same file name = same jar).
for jar in "$k8slib"/*.jar; do
  grep -qx "/opt/dltrigger/jars/$(basename "$jar")" "$root/batch-features/target/classpath" \
    "$root/dl4j-training/target/classpath" || add_jar "$jar"
done | sort -u > "$root/spark-kubernetes/classpath"
echo "assembled $(find "$root/jars" -name '*.jar' | wc -l) jars, $(du -sh "$root" | cut -f1) in $root"
