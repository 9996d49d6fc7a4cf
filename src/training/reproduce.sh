#!/usr/bin/env bash
# Reproduces models/tonecurves-v3 from nothing but Debian packages and this repository:
# photos -> dataset (Java) -> statistics, trees, calibration (Python, CPU) -> ONNX + model card ->
# evaluation on independent photos (Java). Needs the Debian packages in .ci/run (maven, openjdk-17,
# python3-torch, python3-numpy, python3-sklearn). Measured parts on 2 cores: the training dataset 4 min,
# the fit 5.3 min, each evaluation seed about 2 min (the whole script was not timed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/retone-train}"
mkdir -p "$work"
cd "$root"

src/training/fetch_photos.sh "$root/photos"
src/training/fetch_eval_photos.sh "$root/photos/independent"
mvn -B -q package -DskipTests
java -jar target/retone.jar dataset --photos photos/train --out "$work/train.rthd" --crops 8 --edits 10 --mosaics 400 --seed 1 --force
java -jar target/retone.jar dataset --photos photos/val --out "$work/val.rthd" --crops 4 --edits 8 --seed 2 --force
/usr/bin/python3 src/training/train_tone.py --train "$work/train.rthd" --val "$work/val.rthd" \
  --out "$work/tonecurves-v3" --card src/training/tone-card-data.json --originals 9 --trees 0 --calibrate-for psnr
cp "$work/tonecurves-v3.onnx" "$work/tonecurves-v3.json" models/
for seed in 7 8 9; do
  java -jar target/retone.jar eval --photos photos/independent --edits 5 --seed "$seed" --ceilings
done
