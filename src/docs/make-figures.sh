#!/usr/bin/env bash
# Makes the figures of the README and docs/model.md into packaging/figures/, from photos that are
# never trained on: the sample photos of Debian's scikit-image and OpenCV packages (src/training/fetch_eval_photos.sh).
#   transfer.jpg   a reference colour transfer: photo | reference | result
#   eval-grid.jpg  random edit | Retone | original, from 'retone eval'
# Needs: a built jar (mvn -B package -DskipTests), apt-get, dpkg-deb, ImageMagick, fonts-dejavu-core.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/packaging/figures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$root/src/training/fetch_eval_photos.sh" "$work/photos" >/dev/null
p="$work/photos"
jar="$root/target/retone.jar"

cd "$work"
java -jar "$jar" transfer "$p/python3-skimage__coffee.png" --reference "$p/python3-skimage__chelsea.png" -o a3.png
java -jar "$jar" transfer "$p/python3-skimage__astronaut.png" --reference "$p/python3-skimage__coffee.png" -o b3.png --strength 0.8
label() { # file caption out
  convert "$1" -resize 360x240^ -gravity center -extent 360x240 -font DejaVu-Sans \
    -gravity south -background '#222' -fill white -pointsize 16 -splice 0x26 -annotate +0+4 "$2" "$3"
}
label "$p/python3-skimage__coffee.png" "photo" a1.png
label "$p/python3-skimage__chelsea.png" "reference" a2.png
label a3.png "retone transfer" a3l.png
label "$p/python3-skimage__astronaut.png" "photo" b1.png
label "$p/python3-skimage__coffee.png" "reference" b2.png
label b3.png "retone transfer (strength 0.8)" b3l.png
montage a1.png a2.png a3l.png b1.png b2.png b3l.png -tile 3x2 -geometry +4+4 -background white -quality 85 "$out/transfer.jpg"

java -jar "$jar" eval --photos "$p" --edits 1 --seed 7 --grid "$out/eval-grid.jpg" --grid-rows 4 >/dev/null
echo "wrote $out/transfer.jpg and $out/eval-grid.jpg"
