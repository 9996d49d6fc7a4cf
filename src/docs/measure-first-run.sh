#!/usr/bin/env bash
# The first run (docs/performance.md): 'retone enhance PHOTO -o OUT' timed from outside, JVM
# start to file written, each variant run in turn 5 times (interleaved, so that a noisy machine
# hurts all alike) and its median taken, beside the warm figure measured in the same run by
# 'retone bench --photo PHOTO' (the same enhance inside a JVM that already ran it).
#
# Usage: src/docs/measure-first-run.sh PHOTO [APP_IMAGE]
#   APP_IMAGE: an app image made by 'mvn -Pdist package' (default target/dist/out/retone), whose
#   launcher uses the class-data-sharing archive beside it; -Xshare:off shows it without.
#   BASELINE_JAR=path/retone.jar adds an older build's jar, for what the changes since saved.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
photo="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
image="${2:-$root/target/dist/out/retone}"
runs=5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out.${photo##*.}"

declare -A label=(
  [jar]="java -jar target/retone.jar (the JDK's own CDS only)"
  [noarchive]="app launcher, -Xshare:off (no class sharing)"
  [archive]="app launcher with its AppCDS archive"
)
variants=(jar noarchive archive)
if [ -n "${BASELINE_JAR:-}" ]; then
  label[baseline]="baseline: $BASELINE_JAR"
  variants=(baseline "${variants[@]}")
fi
run() {
  case "$1" in
    baseline) java -jar "$BASELINE_JAR" enhance "$photo" -o "$out" --force --models "$root/models" ;;
    jar) java -jar "$root/target/retone.jar" enhance "$photo" -o "$out" --force ;;
    noarchive) JAVA_TOOL_OPTIONS=-Xshare:off "$image/bin/retone" enhance "$photo" -o "$out" --force ;;
    archive) "$image/bin/retone" enhance "$photo" -o "$out" --force ;;
  esac
}
declare -A times
for i in $(seq $runs); do
  for v in "${variants[@]}"; do
    start=$(date +%s%N)
    run "$v" >/dev/null 2>&1 || { echo "measure-first-run: $v failed" >&2; exit 1; }
    times[$v]+="$(( ($(date +%s%N) - start) / 1000000 )) "
  done
done
warm=$(java -jar "$root/target/retone.jar" bench --photo "$photo" --runs 5 --warmup 2 | sed -n 's/^enhance of .*, in a warm JVM *\([0-9.]* [ms]*\).*/\1/p')
warm_ms=$(echo "$warm" | awk '{ if ($2 == "s") print $1 * 1000; else print $1 }')
echo "photo: $photo ($(nproc) cores); enhance in a warm JVM: $warm"
for v in "${variants[@]}"; do
  median=$(echo ${times[$v]} | tr ' ' '\n' | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-52s median %5d ms  (%s) = %.2f x warm\n' "${label[$v]}" "$median" "$(echo ${times[$v]})" \
    "$(echo "$median / $warm_ms" | bc -l)"
done
