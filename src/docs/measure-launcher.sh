#!/usr/bin/env bash
# The installed launcher against java -jar (docs/performance.md): 'retone transfer PHOTO
# --reference REF -o OUT' timed from outside, JVM start to file written, wall time, peak resident
# memory and CPU time (user + system) by /usr/bin/time, each variant run in turn (interleaved, so
# that a busy machine hurts all alike) and the median of each taken.
#
# Usage: src/docs/measure-launcher.sh [PHOTO REF]
#   Without PHOTO and REF, makes a 3000 × 2000 pair with ImageMagick (plasma:orange-teal against
#   plasma:navy-gold), as in the issue that asked for this.
# Environment:
#   RUNS=5        runs of each variant
#   LAUNCHER=…    the launcher (default: 'retone' on the PATH, i.e. the installed .deb's)
#   JAR=…         the jar (default: target/retone.jar)
#   VARIANTS=…    more variants, one a line, "label|options": the launcher's own runtime
#                 (IMAGE/lib/runtime/bin/java) with the launcher's options from its .cfg, then these
#                 options (later ones win); an option written !PREFIX drops the .cfg's options that
#                 start with PREFIX. E.g.
#                   VARIANTS=$'no archive|-Xshare:off\nserial|-XX:+UseSerialGC\nregions as the heap says|!-XX:G1HeapRegionSize'
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${RUNS:-5}"
launcher="${LAUNCHER:-$(command -v retone || true)}"
jar="${JAR:-$root/target/retone.jar}"
[ -x "$launcher" ] || { echo "measure-launcher: no launcher (install the .deb, or set LAUNCHER)" >&2; exit 2; }
[ -f "$jar" ] || { echo "measure-launcher: no jar at $jar (mvn package, or set JAR)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "measure-launcher: needs /usr/bin/time (GNU time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 2 ]; then
  photo="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  ref="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
  photo="$work/photo.jpg" ref="$work/ref.jpg"
  convert -size 3000x2000 plasma:orange-teal "$photo"
  convert -size 3000x2000 plasma:navy-gold "$ref"
fi
out="$work/out.jpg"

# the launcher's app image, its runtime and what its .cfg gives the JVM
image="$(cd "$(dirname "$(readlink -f "$launcher")")/.." && pwd)"
appdir="$image/lib/app"
cfg=$(ls "$appdir"/*.cfg | head -1)
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$appdir|g" | paste -sd:)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
mapfile -t cfg_options < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\\\$APPDIR|$appdir|g")

labels=("launcher ($launcher)" "java -jar $(basename "$jar")")
commands=("launcher" "jar")
if [ -n "${VARIANTS:-}" ]; then
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    labels+=("image java: ${line%%|*}")
    commands+=("image:${line#*|}")
  done <<< "$VARIANTS"
fi

# the command line of variant $1, in the array cmd
command_for() {
  case "$1" in
    launcher) cmd=("$launcher") ;;
    jar) cmd=(java -jar "$jar") ;;
    image:*)
      local options=("${cfg_options[@]}") extra=() o c kept
      for o in ${1#image:}; do
        if [[ $o == !* ]]; then
          kept=()
          for c in "${options[@]}"; do [[ $c == "${o#!}"* ]] || kept+=("$c"); done
          options=("${kept[@]}")
        else
          extra+=("$o")
        fi
      done
      cmd=("$image/lib/runtime/bin/java" "${options[@]}" "${extra[@]}" -cp "$classpath" "$main") ;;
  esac
  cmd+=(transfer "$photo" --reference "$ref" -o "$out" --force)
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A wall rss cpu
for i in $(seq "$runs"); do
  for k in "${!commands[@]}"; do
    command_for "${commands[$k]}"
    if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "${cmd[@]}" > "$work/log" 2>&1; then
      echo "measure-launcher: ${labels[$k]} failed:" >&2
      tail -5 "$work/log" >&2
      exit 1
    fi
    read -r e m u s < <(tail -1 "$work/time")
    wall[$k]+="$e "
    rss[$k]+="$((m / 1024)) "
    cpu[$k]+="$(echo "$u + $s" | bc) "
  done
done

echo "retone transfer of $(identify -format '%w × %h' "$photo") ($(basename "$photo"), reference $(basename "$ref")); $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB; $runs runs each, interleaved; $(date +%F)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-52s | %8s | %13s | %7s | %s |\n' variant "wall (s)" "peak RSS (MB)" "CPU (s)" "runs: wall s / RSS MB"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "----------" "---------------" "---------" "---"
declare -A med_wall med_rss
for k in "${!commands[@]}"; do
  med_wall[$k]=$(echo ${wall[$k]} | median)
  med_rss[$k]=$(echo ${rss[$k]} | median)
  printf '| %-52s | %8s | %13s | %7s | %s / %s |\n' "${labels[$k]}" "${med_wall[$k]}" "${med_rss[$k]}" \
    "$(echo ${cpu[$k]} | median)" "$(echo ${wall[$k]})" "$(echo ${rss[$k]})"
done
echo
printf 'launcher / java -jar: wall %.2f ×, peak RSS %.2f ×\n' \
  "$(echo "${med_wall[0]} / ${med_wall[1]}" | bc -l)" "$(echo "${med_rss[0]} / ${med_rss[1]}" | bc -l)"
