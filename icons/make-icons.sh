#!/usr/bin/env bash
# Makes every icon file from retone.svg: PNGs for Linux (16 to 512), retone.ico for Windows and
# retone.icns for macOS. Needs librsvg2-bin (rsvg-convert), ImageMagick (convert) and icnsutils
# (png2icns), all from Debian: apt-get install librsvg2-bin imagemagick icnsutils
#   icons/make-icons.sh [OUT]    OUT defaults to icons/ itself; CI makes them again elsewhere and compares
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)"
cd "$out"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$here/retone.svg" -o "retone-$size.png"
done
cp retone-512.png retone.png   # the window's and the Linux package's icon
convert retone-16.png retone-24.png retone-32.png retone-48.png retone-64.png retone-128.png retone-256.png retone.ico
png2icns retone.icns retone-16.png retone-32.png retone-48.png retone-128.png retone-256.png retone-512.png >/dev/null
ls -la retone*
