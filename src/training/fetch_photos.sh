#!/usr/bin/env bash
# Makes the training photo folder from Debian packages, with no install:
# apt-get download + dpkg-deb -x, then copies the curated real photographs listed in
# photos.tsv into OUT/train and OUT/val (split by photo), with each package's copyright file.
# A path BUNDLE.rcc:/PATH is a file inside a Qt resource bundle (gcompris-qt-data): extract_rcc.py
# extracts it, and the README beside it in the bundle (each photo's author, source and licence)
# goes to OUT/licenses too.
# Usage: src/training/fetch_photos.sh [OUT]   (default: photos/ at the repository root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/photos}"
list="$here/photos.tsv"
python="${PYTHON:-python3}"

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
  if [[ "$path" == *.rcc:/* ]]; then
    # a file inside a Qt resource bundle: named by the bundle and the file
    bundle="${path%%.rcc:/*}.rcc"
    inner="/${path#*.rcc:/}"
    src="$work/$package/$bundle"
    if [[ ! -f "$src" ]]; then
      echo "fetch: $bundle is missing from $package" >&2; exit 1
    fi
    name="$(basename "$bundle" .rcc)__$(basename "$inner")"
  else
    src="$work/$package/$path"
    if [[ ! -f "$src" ]]; then
      echo "fetch: $path is missing from $package" >&2; exit 1
    fi
    # plasma photos are all named by size: name them by their folder
    name="$(basename "$path")"
    if [[ "$path" == usr/share/wallpapers/* ]]; then
      name="$(echo "$path" | cut -d/ -f4).${name##*.}"
    fi
  fi
  if grep -qxF "${package}__${name}" "$work/names" 2>/dev/null; then
    echo "fetch: two photos would both be ${package}__${name}" >&2; exit 1
  fi
  echo "${package}__${name}" >> "$work/names"
  if [[ "$path" == *.rcc:/* ]]; then
    "$python" "$here/extract_rcc.py" "$src" "$inner" -o "$out/$split/${package}__${name}" </dev/null || {
      echo "fetch: cannot extract $inner from $bundle ($package)" >&2; exit 1; }
    # the nearest README above the photo in the bundle names its author, source and licence
    listing="$work/$(echo "$package/$bundle" | tr / _).list"
    [[ -f "$listing" ]] || "$python" "$here/extract_rcc.py" "$src" --list </dev/null | cut -f3 > "$listing"
    dir="$(dirname "$inner")"
    while [[ "$dir" != / ]]; do
      if grep -qxF "$dir/README" "$listing"; then
        readme="$out/licenses/${package}__$(echo "${dir#/gcompris/src/activities/}" | tr / _).README"
        if ! grep -qxF "$readme" "$work/readmes" 2>/dev/null; then
          "$python" "$here/extract_rcc.py" "$src" "$dir/README" -o "$readme" </dev/null
          echo "$readme" >> "$work/readmes"
        fi
        break
      fi
      dir="$(dirname "$dir")"
    done
  else
    cp "$src" "$out/$split/${package}__${name}"
  fi
  printf '%s\t%s\t%s\t%s\n' "$split" "${package}__${name}" "$package" "$licence" >> "$work/manifest.tsv"
  count=$((count + 1))
done < "$list"
sort "$work/manifest.tsv" > "$out/MANIFEST.tsv"
echo "fetch: $count photos: $(ls "$out/train" | wc -l) train, $(ls "$out/val" | wc -l) val, in $out"
