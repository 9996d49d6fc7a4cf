#!/bin/sh
# Makes the colour-management test photos in src/test/resources/app/retone/core/image/colour/
# from one small real photo (scikit-image's "coffee", CC0) and Debian's reference ICC profiles,
# converted by LittleCMS's own tools. Needs: python3-pil, liblcms2-utils, argyll-ref, colord-data.
# The outputs are committed; run this again only to change them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/app/retone/core/image/colour"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

P3=/usr/share/color/argyll/ref/DisplayP3.icm
PROPHOTO=/usr/share/color/argyll/ref/ProPhoto.icm
ADOBE=/usr/share/color/icc/colord/AdobeRGB1998.icc
# scikit-image's coffee.png, as src/training/fetch_eval_photos.sh fetches it (or give its path)
coffee=${1:-$here/../../../photos/independent/python3-skimage__coffee.png}

# the sRGB base: the photo over a strip of saturated hues and a grey ramp
/usr/bin/python3 - "$coffee" "$tmp" <<'PY'
import sys, colorsys
from PIL import Image
src, tmp = sys.argv[1], sys.argv[2]
# drawn at 24 x 16 and enlarged 4 x: smooth everywhere, so that JPEG's own loss (chroma
# subsampling across sharp edges above all) stays well below the 1 ΔE76 the tests allow
w, h = 24, 16
base = Image.new('RGB', (w, h))
base.paste(Image.open(src).convert('RGB').resize((w, 12), Image.LANCZOS), (0, 0))
px = base.load()
for x in range(w):
    r, g, b = colorsys.hsv_to_rgb(x / w, 0.85, 0.9)
    for y in range(12, 15):
        px[x, y] = (round(r * 255), round(g * 255), round(b * 255))
    v = round(x * 255 / (w - 1))
    px[x, 15] = (v, v, v)
w, h = 96, 64
base = base.resize((w, h), Image.BICUBIC)
base.save(f'{tmp}/base.tif')
base.save(f'{tmp}/base.jpg', quality=100, subsampling=0)
# a P3 photo whose colours reach P3's primaries, beyond sRGB: the raw values are the P3 values
wide = Image.new('RGB', (w, 16))
wp = wide.load()
for x in range(w):
    r, g, b = colorsys.hsv_to_rgb(x / w, 1.0, 1.0)
    for y in range(16):
        s = 0.5 + 0.5 * y / 15
        wp[x, y] = tuple(round(255 * (1 - s + s * c)) for c in (r, g, b))
p3 = open('/usr/share/color/argyll/ref/DisplayP3.icm', 'rb').read()
wide.save(f'{tmp}/wide.png', icc_profile=p3)
wide.save(f'{tmp}/wide.tif', icc_profile=p3)
PY

# relative colorimetric (-t1), the profile embedded (-e)
tificc -t1 -e -o"$P3" "$tmp/base.tif" "$out/p3.tif"
tificc -t1 -e -w16 -o"$P3" "$tmp/base.tif" "$out/p3-16bit.tif"
jpgicc -t1 -e -q95 -o"$P3" "$tmp/base.jpg" "$out/p3.jpg"
jpgicc -t1 -e -q95 -o"$ADOBE" "$tmp/base.jpg" "$out/adobe-rgb.jpg"
jpgicc -t1 -e -q95 -o"$PROPHOTO" "$tmp/base.jpg" "$out/prophoto.jpg"
cp "$tmp/base.jpg" "$out/srgb-no-profile.jpg"

# PNG and WebP with the same P3 values and the profile (PIL writes iCCP and the ICCP chunk)
/usr/bin/python3 - "$out" "$P3" <<'PY'
import sys
from PIL import Image
out, p3 = sys.argv[1], sys.argv[2]
icc = open(p3, 'rb').read()
im = Image.open(f'{out}/p3.tif').convert('RGB')
im.save(f'{out}/p3.png', icc_profile=icc)
im.save(f'{out}/p3.webp', lossless=True, icc_profile=icc)
PY
# a grey photo with a grey profile (gamma 2.2, D50 white): LittleCMS's tools embed none of their
# built-in grey ones, so the profile is written here, as ICC.1:2001-04 (v2) lays it out
/usr/bin/python3 - "$tmp/base.tif" "$out/grey-gamma22.jpg" <<'PY'
import struct, sys
from PIL import Image
def s15(x): return struct.pack('>i', round(x * 65536))
def tag_desc(text):
    a = text.encode('ascii') + b'\0'
    return b'desc' + bytes(4) + struct.pack('>I', len(a)) + a + bytes(4) + bytes(4) + bytes(2) + bytes(1) + bytes(67)
def pad(b): return b + bytes(-len(b) % 4)
tags = [(b'desc', tag_desc('Grey, gamma 2.2')),
        (b'wtpt', b'XYZ ' + bytes(4) + s15(0.9642) + s15(1.0) + s15(0.8249)),
        (b'kTRC', b'curv' + bytes(4) + struct.pack('>IH', 1, round(2.2 * 256))),
        (b'cprt', b'text' + bytes(4) + b'No copyright, use freely\0')]
offset = 128 + 4 + 12 * len(tags)
table, data = b'', b''
for sig, body in tags:
    table += sig + struct.pack('>II', offset + len(data), len(body))
    data += pad(body)
size = offset + len(data)
header = (struct.pack('>I', size) + b'none' + struct.pack('>I', 0x02100000) + b'mntr' + b'GRAY' + b'XYZ '
          + struct.pack('>6H', 2026, 12, 2, 0, 0, 0) + b'acsp' + bytes(4) + bytes(4) + bytes(4) + bytes(4) + bytes(8)
          + struct.pack('>I', 1) + s15(0.9642) + s15(1.0) + s15(0.8249) + bytes(4) + bytes(16) + bytes(28))
assert len(header) == 128
profile = header + struct.pack('>I', len(tags)) + table + data
Image.open(sys.argv[1]).convert('L').save(sys.argv[2], quality=95, icc_profile=profile)
PY
cp "$tmp/wide.png" "$out/p3-beyond-srgb.png"
cp "$tmp/wide.tif" "$out/p3-beyond-srgb.tif"
ls -l "$out"
