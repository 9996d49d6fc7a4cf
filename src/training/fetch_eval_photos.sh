#!/usr/bin/env bash
# Makes a folder of independent evaluation photos (eval_photos.tsv) from Debian's scikit-image and
# OpenCV sample data, by apt-get download + dpkg-deb -x (no install). Never train or tune on them.
# Usage: src/training/fetch_eval_photos.sh [OUT]   (default: photos/independent)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../photos/independent}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for package in $(grep -v '^#' "$here/eval_photos.tsv" | cut -f1 | sort -u); do
  (cd "$work" && apt-get download "$package" >/dev/null 2>&1) || { echo "apt-get download $package failed" >&2; exit 1; }
  dpkg-deb -x "$work/${package}"_*.deb "$work/x"
done
while IFS=$'\t' read -r package path; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  cp "$work/x/$path" "$out/${package}__$(basename "$path")"
done < "$here/eval_photos.tsv"
echo "fetch: $(ls "$out" | wc -l) independent photos in $out"
