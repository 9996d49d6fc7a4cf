#!/usr/bin/env bash
# Reproduces models/tonecurves-v4 from nothing but Debian packages and this repository:
# photos -> datasets of both families of bad edits, seed and camera (Java) -> statistics, trees,
# calibration (Python, CPU) -> ONNX + model card -> evaluation on independent photos against
# tonecurves-v3 (Java). Needs the Debian packages in .ci/run (maven, openjdk-17, python3-torch,
# python3-numpy, python3-sklearn). Measured on 2 cores shared with other work (2026-12-07): the two
# training datasets 7 and 14 min, the validation ones 1 and 2 min, the fit about 20 min, each
# evaluation seed about 5 min.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/retone-train}"
mkdir -p "$work"
cd "$root"

src/training/fetch_photos.sh "$root/photos"
src/training/fetch_eval_photos.sh "$root/photos/independent"
mvn -B -q package -DskipTests
retone() { java -jar target/retone.jar "$@"; }
retone dataset --photos photos/train --out "$work/train-seed.rthd" --crops 8 --edits 10 --mosaics 400 --seed 1 --force
retone dataset --photos photos/train --out "$work/train-camera.rthd" --crops 8 --edits 10 --mosaics 400 --seed 3 --family camera --force
retone dataset --photos photos/val --out "$work/val-seed.rthd" --crops 4 --edits 8 --seed 2 --force
retone dataset --photos photos/val --out "$work/val-camera.rthd" --crops 4 --edits 8 --seed 4 --family camera --force
# the calibration keeps good photos within ΔE76 6 and needs 80 % of validation edits brought closer
/usr/bin/python3 src/training/train_tone.py --train "$work/train-seed.rthd" "$work/train-camera.rthd" \
  --val "$work/val-seed.rthd" "$work/val-camera.rthd" \
  --out "$work/tonecurves-v4" --card src/training/tone-card-data.json --originals 9 --trees 0 --calibrate-for psnr \
  --min-closer 0.8 --max-moved 6
cp "$work/tonecurves-v4.onnx" "$work/tonecurves-v4.json" models/
for seed in 7 8 9; do
  retone eval --photos photos/independent --edits 5 --seed "$seed" --models models --model tonecurves-v4 --compare tonecurves-v3
done
