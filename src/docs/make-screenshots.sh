#!/usr/bin/env bash
# Screenshots of the real window into packaging/screenshots/ (README, AppStream metadata): the
# window, the comparison modes, the Develop section at work, and a folder in the filmstrip (the
# independent photos).
# The photo is OpenCV's "leuvenA" sample (Debian's opencv-doc, never trained on; it keeps its
# camera's EXIF, so the metadata panel has something to show), given a cold, dim, flat cast with
# ImageMagick so that there is something to fix.
# Needs: apt-get, dpkg-deb, ImageMagick, Maven; runs under xvfb-run when there is no display.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/packaging/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/src/training/fetch_eval_photos.sh" "$work/photos" >/dev/null
convert "$work/photos/opencv-doc__leuvenA.jpg" -channel B -evaluate multiply 1.12 -channel R -evaluate multiply 0.86 \
  +channel -level 0%,100%,0.8 +level 6%,92% -quality 95 "$work/leuven-cold.jpg"
cd "$root"
cmd=(mvn -B -q -Ptool test-compile exec:exec -Dtool=app.retone.ui.Screenshots "-Dtool.args=$work/leuven-cold.jpg $out $work/photos")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}"
else
  "${cmd[@]}"
fi
for f in "$out"/*.png; do # JPEG keeps the repository small; AppStream and the README take it
  convert "$f" -strip -quality 88 "${f%.png}.jpg" && rm "$f"
done
ls -la "$out"
