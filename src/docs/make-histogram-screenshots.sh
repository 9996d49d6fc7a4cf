#!/usr/bin/env bash
# The screenshot of the histogram drawn without a GPU, for packaging/screenshots/ (README):
# the real window under Xvfb with JavaFX's own choice of pipeline (no -Dprism.forceGPU), so
# JavaFX has no 3D scene and the app's software renderer draws the cloud (HistogramScreenshots,
# which gives the histogram more of the window than the first-run layout does).
# The photo is the one src/docs/make-screenshots.sh uses: OpenCV's "leuvenA" sample (Debian's
# opencv-doc, never trained on) given a cold, dim, flat cast with ImageMagick.
# Needs: apt-get, dpkg-deb, ImageMagick, Maven; runs under xvfb-run when there is no display.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/packaging/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download opencv-doc >/dev/null)
dpkg-deb --fsys-tarfile "$work"/opencv-doc_*.deb \
  | tar -x -C "$work" ./usr/share/doc/opencv-doc/examples/data/leuvenA.jpg
convert "$work/usr/share/doc/opencv-doc/examples/data/leuvenA.jpg" -channel B -evaluate multiply 1.12 \
  -channel R -evaluate multiply 0.86 +channel -level 0%,100%,0.8 +level 6%,92% -quality 95 "$work/leuven-cold.jpg"
cd "$root"
# tool.prism.args empty: not the pom's forced OpenGL, JavaFX's choice, as on a display without a GPU
cmd=(mvn -B -q -Ptool test-compile exec:exec -Dtool=app.retone.ui.HistogramScreenshots "-Dtool.prism.args="
  "-Dtool.args=$work/leuven-cold.jpg $work/shots RESULT") # the result's points alone: their own colours
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}"
else
  "${cmd[@]}"
fi
# the window (histogram-software.png); the panel alone stays in the temporary folder
cp "$work/shots/histogram-software.png" "$out/histogram-software.png"
ls -la "$out/histogram-software.png"
