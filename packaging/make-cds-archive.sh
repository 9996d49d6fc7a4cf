#!/usr/bin/env bash
# The class-data-sharing archive (AppCDS) of a jpackage app image: the launcher then maps the
# classes a command loads instead of reading, parsing and verifying them at every start (see
# docs/performance.md, "The first run").
#
#   make-cds-archive.sh list IMAGE PHOTO MODELS   at package time ('mvn -Pdist package'): runs an
#       enhance of PHOTO with the image's own runtime and keeps the classes it loaded in
#       lib/app/retone.classlist; copies this script beside it; dumps the archive for the image
#       where it stands.
#   make-cds-archive.sh dump IMAGE                where the image is installed (the .deb's postinst):
#       dumps lib/app/retone.jsa from that list, in a second or two.
#
# Java 17 records the class path in the archive as the absolute paths it was dumped with and
# silently refuses the archive anywhere else, so the archive is made again where the app lives.
set -euo pipefail
mode="$1"
image="$(cd "$2" && pwd)"
appdir="$image/lib/app"
java="$image/lib/runtime/bin/java"
cfg=$(ls "$appdir"/*.cfg | head -1)

classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$appdir|g" | paste -sd:)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
# the launcher's JVM options, but the archive they name (it is what is being made)
mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg" | grep -v -- '-XX:SharedArchiveFile' | sed "s|\\\$APPDIR|$appdir|g")

dump() {
  rm -f "$appdir/retone.jsa"
  "$java" "${options[@]}" -Xshare:dump -XX:SharedClassListFile="$appdir/retone.classlist" \
    -XX:SharedArchiveFile="$appdir/retone.jsa" -cp "$classpath" -Xlog:cds=error >/dev/null
}

case "$mode" in
  list)
    photo="$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"
    models="$(cd "$4" && pwd)"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # what people run most: an enhance of a photo (the model, the decoders and encoders, regrain)
    "$java" "${options[@]}" -XX:DumpLoadedClassList="$appdir/retone.classlist" -Djava.awt.headless=true \
      -cp "$classpath" "$main" enhance "$photo" -o "$work/out.jpg" --models "$models" >/dev/null
    cp "$0" "$appdir/make-cds-archive.sh"
    dump
    echo "make-cds-archive: $(wc -l < "$appdir/retone.classlist") classes; $(du -h "$appdir/retone.jsa" | cut -f1) archive"
    ;;
  dump)
    dump
    ;;
  *)
    echo "usage: $0 list IMAGE PHOTO MODELS | dump IMAGE" >&2
    exit 2
    ;;
esac
