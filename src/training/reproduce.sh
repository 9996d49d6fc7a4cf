#!/usr/bin/env bash
# Reproduces models/histonet-v1 from nothing but Debian packages and this repository:
# photos -> dataset (Java) -> training (PyTorch, CPU) -> ONNX + model card -> evaluation (Java).
# Needs: the Debian packages in .ci/run (maven, openjdk-17, python3-torch, python3-numpy, and
# libopenblas0-pthread: with the reference BLAS, training takes about 4 times as long).
# Work files go to ${WORK:-/tmp/retone-train}.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/retone-train}"
mkdir -p "$work"
cd "$root"

src/training/fetch_photos.sh "$root/photos"
mvn -B -q package -DskipTests
java -jar target/retone.jar dataset --photos photos/train --out "$work/train.rthd" --crops 30 --edits 10 --mosaics 500 --seed 1 --force
java -jar target/retone.jar dataset --photos photos/val --out "$work/val.rthd" --crops 20 --edits 8 --seed 2 --force
/usr/bin/python3 src/training/train.py --arch curves --lr 7e-4 --weight-decay 1e-3 --train "$work/train.rthd" --val "$work/val.rthd" \
  --out "$work/histonet-v1" --epochs 24 --epoch-size 4096 --max-minutes 120 --patience 6 \
  --card src/training/model-card-data.json
cp "$work/histonet-v1.onnx" "$work/histonet-v1.json" models/
java -jar target/retone.jar eval --photos photos/val --edits 10 --seed 7 --by-edit
