#!/usr/bin/env bash
# Makes the README's figures from real photos of Debian's mate-backgrounds package (GPL-2+):
# a reference colour transfer, shown as input | reference | result.
# Needs: a built jar (mvn -B package -DskipTests), apt-get, dpkg-deb, ImageMagick.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download mate-backgrounds >/dev/null 2>&1 || { echo "apt-get download mate-backgrounds failed" >&2; exit 1; }
dpkg-deb -x mate-backgrounds_*.deb pkg
photos=pkg/usr/share/backgrounds/mate/nature

jar="$root/target/retone.jar"
java -jar "$jar" transfer "$photos/Dune.jpg" --reference "$photos/LadyBird.jpg" -o dune-as-ladybird.jpg
java -jar "$jar" transfer "$photos/Storm.jpg" --reference "$photos/YellowFlower.jpg" -o storm-as-flower.jpg --strength 0.8

label() { # file caption out
  convert "$1" -resize 360x240^ -gravity center -extent 360x240 \
    -gravity south -background '#222' -fill white -pointsize 16 -splice 0x26 -annotate +0+4 "$2" "$3"
}
label "$photos/Dune.jpg" "photo" a1.png
label "$photos/LadyBird.jpg" "reference" a2.png
label dune-as-ladybird.jpg "retone transfer" a3.png
label "$photos/Storm.jpg" "photo" b1.png
label "$photos/YellowFlower.jpg" "reference" b2.png
label storm-as-flower.jpg "retone transfer (strength 0.8)" b3.png
montage a1.png a2.png a3.png b1.png b2.png b3.png -tile 3x2 -geometry +4+4 -background white \
  -quality 85 "$root/src/docs/images/transfer.jpg"
echo "wrote src/docs/images/transfer.jpg"
