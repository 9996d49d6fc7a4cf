#!/usr/bin/env bash
# The histogram's two ways of drawing without a GPU, measured in the real window (HistogramTimings):
# JVM start -> window drawn -> photo's histogram drawn, and the frame time of turning the cloud.
#   software   JavaFX's choice under Xvfb (its software pipeline): the app's own renderer
#   es2-mesa   OpenGL forced onto Mesa's llvmpipe (-Dprism.forceGPU=true): JavaFX's 3D scene
#   es2-canvas the same forced OpenGL, the cloud by the app's renderer (-Dretone.histogram=software)
#   before     (with BASELINE=DIR, a built checkout of older code) its window, JavaFX's choice: the start "before"
#   before-es2 the same older window with OpenGL forced onto Mesa (its only way to a cloud without a GPU)
# Each run is a fresh JVM; the variants take turns, RUNS rounds; medians at the end.
# Usage: [BASELINE=DIR] [VARIANTS="..."] src/docs/measure-histogram.sh PHOTO [runs] [drag-steps]
#        (after mvn -o test-compile; DIR built likewise)
# Without a display it runs under xvfb-run (1920x1080), as CI does.
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
photo="$(realpath "$1")"
runs="${2:-5}"
steps="${3:-60}"
cd "$root"
deps="$(mktemp)"
cache="$(mktemp -d)" # the thumbnail cache of these runs, not the user's
trap 'rm -rf "$deps" "$cache"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$deps" >/dev/null
cp="target/test-classes:target/classes:$(cat "$deps")"
variants=(software es2-mesa es2-canvas)
if [ -n "${BASELINE:-}" ]; then
  # the tool compiled against the older classes (it uses only what the window had then)
  base="$(realpath "$BASELINE")"
  tool="$(mktemp -d)"
  javac -nowarn -cp "$base/target/test-classes:$base/target/classes:$(cat "$deps")" -d "$tool" \
    src/test/java/app/retone/ui/HistogramTimings.java
  variants+=(before before-es2)
fi
args_of() {
  case "$1" in
    software) echo "" ;;
    es2-mesa) echo "-Dprism.order=es2 -Dprism.forceGPU=true" ;;
    es2-canvas) echo "-Dprism.order=es2 -Dprism.forceGPU=true -Dretone.histogram=software" ;;
    before) echo "" ;;
    before-es2) echo "-Dprism.order=es2 -Dprism.forceGPU=true" ;;
  esac
}
run() {
  local variant="$1" classpath="$cp" n="$steps"
  if [ "${variant%-es2}" = before ]; then classpath="$tool:$base/target/test-classes:$base/target/classes:$(cat "$deps")"; fi
  if [ "$variant" = before ]; then n=0; fi # no cloud to turn
  # shellcheck disable=SC2046
  java -Xmx2g $(args_of "$variant") -Dretone.cacheHome="$cache" -cp "$classpath" app.retone.ui.HistogramTimings "$photo" "$n" 2>/dev/null \
    | grep -E '^(pipeline|START|ROTATE)'
}
if [ -n "${VARIANTS:-}" ]; then # a subset, e.g. VARIANTS="software es2-mesa before" with 0 drag steps for the start alone
  read -ra variants <<< "$VARIANTS"
fi
out="$(mktemp -d)"
for round in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    run "$v" >> "$out/$v"
    echo "round $round $v: $(grep START "$out/$v" | tail -1)" >&2
  done
done
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
spread() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print a[1] "-" a[NR]}'; }
field() { grep "$2" "$1" | sed -E "$3" || true; }
printf '%-11s %-30s %7s %18s %18s %18s %9s %9s %14s %14s %12s\n' variant "pipeline; cloud drawn by" points \
  toolkit window histogram "CPU win" "CPU hist" "step laid out" "step rendered" "continuous"
for v in "${variants[@]}"; do
  f="$out/$v"
  pipeline="$(grep -m1 '^pipeline' "$f" | sed -E 's/pipeline: //; s/histogram drawn by: //; s/; [0-9]+ points//' || true)"
  points="$(grep -m1 '^pipeline' "$f" | sed -E 's/.*; ([0-9]+) points.*/\1/' || true)"
  toolkit="$(field "$f" START 's/.*toolkit ([0-9]+) ms.*/\1/')"
  window="$(field "$f" START 's/.*window drawn ([0-9]+) ms.*/\1/')"
  histogram="$(field "$f" START 's/.*histogram drawn ([0-9]+) ms.*/\1/')"
  cpuWindow="$(field "$f" START 's/.*CPU time by then ([0-9]+) ms, ([0-9]+) ms.*/\1/' | median)"
  cpuHistogram="$(field "$f" START 's/.*CPU time by then ([0-9]+) ms, ([0-9]+) ms.*/\2/' | median)"
  laid="$(field "$f" 'frame laid out' 's/.*median +([0-9.]+) ms.*/\1/' | median)"
  rendered="$(field "$f" 'frame rendered' 's/.*median +([0-9.]+) ms.*/\1/' | median)"
  continuous="$(field "$f" continuous 's/.*drag: ([0-9.]+) ms.*/\1/' | median)"
  printf '%-11s %-30s %7s %5s (%11s) %5s (%11s) %5s (%11s) %6s ms %6s ms %11s ms %11s ms %9s ms\n' "$v" "${pipeline:0:30}" "$points" \
    "$(echo "$toolkit" | median)" "$(echo "$toolkit" | spread)" "$(echo "$window" | median)" "$(echo "$window" | spread)" \
    "$(echo "$histogram" | median)" "$(echo "$histogram" | spread)" "$cpuWindow" "$cpuHistogram" "$laid" "$rendered" "$continuous"
done
echo "(ms from the JVM's start: median (fastest-slowest) of $runs runs; CPU: the JVM's CPU time by then, all threads,"
echo " median; drag steps: median of the runs' medians of"
echo " $steps steps; continuous: median of the runs' mean frame times over $steps frames; raw lines in $out)"
