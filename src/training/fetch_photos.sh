#!/usr/bin/env bash
# Makes the training photo folder from Debian wallpaper packages, with no install:
# apt-get download + dpkg-deb -x, then copies the curated real photographs listed in
# photos.tsv into OUT/train and OUT/val (split by photo), with each package's copyright file.
# Usage: src/training/fetch_photos.sh [OUT]   (default: photos/ at the repository root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/photos}"
list="$here/photos.tsv"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/train" "$out/val" "$out/licenses"

packages=$(grep -v '^#' "$list" | cut -f1 | sort -u)
for package in $packages; do
  echo "fetch: $package"
  (cd "$work" && apt-get download "$package" >/dev/null 2>&1) || {
    echo "fetch: apt-get download $package failed (run 'apt-get update' first?)" >&2; exit 1; }
  mkdir -p "$work/$package"
  dpkg-deb -x "$work/${package}"_*.deb "$work/$package"
  cp "$work/$package/usr/share/doc/$package/copyright" "$out/licenses/$package.copyright"
done

count=0
while IFS=$'\t' read -r package path split licence; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  src="$work/$package/$path"
  if [[ ! -f "$src" ]]; then
    echo "fetch: $path is missing from $package" >&2; exit 1
  fi
  # plasma photos are all named by size: name them by their folder
  name="$(basename "$path")"
  if [[ "$path" == usr/share/wallpapers/* ]]; then
    name="$(echo "$path" | cut -d/ -f4).${name##*.}"
  fi
  cp "$src" "$out/$split/${package}__${name}"
  printf '%s\t%s\t%s\t%s\n' "$split" "${package}__${name}" "$package" "$licence" >> "$work/manifest.tsv"
  count=$((count + 1))
done < "$list"
sort "$work/manifest.tsv" > "$out/MANIFEST.tsv"
echo "fetch: $count photos: $(ls "$out/train" | wc -l) train, $(ls "$out/val" | wc -l) val, in $out"
