"""extract_rcc.py against Qt rcc files written here, by a small writer of the same documented format."""
import contextlib
import io
import os
import struct
import tempfile
import unittest
import zlib

import extract_rcc

ZLIB, DIRECTORY, ZSTD = 0x01, 0x02, 0x04
PLAIN = bytes(range(256)) * 3 + b"\x00\xff end"          # stored as is
TEXT = ("Retone \u00e9t\u00e9 \u65e5\u672c " * 200).encode("utf-8")  # stored zlib-compressed, as qCompress
LAST_MODIFIED = 1676732615000


def write_rcc(files, version=3, data_last=False):
    """A Qt rcc file holding files {'/dir/name': (bytes, flags)}; flags ZLIB compresses (qCompress).

    Laid out as Qt's rcc does: header, data, names, tree (or header, names, tree, data).
    Tree nodes in breadth-first order, each directory's children sorted by the hash of their names.
    """
    root = {}
    for path, (content, flags) in files.items():
        parts = path.strip("/").split("/")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = (content, flags)

    names, name_offsets = bytearray(), {}

    def name_offset(name):
        if name not in name_offsets:
            name_offsets[name] = len(names)
            encoded = name.encode("utf-16-be")
            names.extend(struct.pack(">HI", len(encoded) // 2, extract_rcc.qt_hash(name)) + encoded)
        return name_offsets[name]

    data = bytearray()

    def data_offset(content, flags):
        at = len(data)
        if flags & ZLIB:
            payload = struct.pack(">I", len(content)) + zlib.compress(content)
        elif flags & ZSTD:
            payload = b"\x28\xb5\x2f\xfd" + content  # a zstd frame's magic: the reader must refuse it
        else:
            payload = content
        data.extend(struct.pack(">I", len(payload)) + payload)
        return at

    # breadth-first: (name, item) per node; a directory's children get consecutive indices
    nodes = [("", root)]
    records = []
    i = 0
    while i < len(nodes):
        name, item = nodes[i]
        if isinstance(item, dict):
            children = sorted(item.items(), key=lambda kv: extract_rcc.qt_hash(kv[0]))
            first = len(nodes)
            nodes.extend(children)
            record = struct.pack(">IHII", name_offset(name) if i else 0, DIRECTORY, len(children), first)
        else:
            content, flags = item
            # country 0 (any), language 1 (QLocale::C), as rcc writes by default
            record = struct.pack(">IHHHI", name_offset(name), flags, 0, 1, data_offset(content, flags))
        if version >= 2:
            record += struct.pack(">Q", LAST_MODIFIED)
        records.append(record)
        i += 1
    tree = b"".join(records)

    header_size = 24 if version >= 3 else 20
    overall = 0
    for content, flags in files.values():
        overall |= flags & (ZLIB | ZSTD)
    if data_last:
        names_off = header_size
        tree_off = names_off + len(names)
        data_off = tree_off + len(tree)
        body = bytes(names) + tree + bytes(data)
    else:
        data_off = header_size
        names_off = data_off + len(data)
        tree_off = names_off + len(names)
        body = bytes(data) + bytes(names) + tree
    header = b"qres" + struct.pack(">IIII", version, tree_off, data_off, names_off)
    if version >= 3:
        header += struct.pack(">I", overall)
    return header + body


SAMPLE = {
    "/photos/sub/plain.bin": (PLAIN, 0),
    "/photos/sub/packed.txt": (TEXT, ZLIB),
}


def run_cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = extract_rcc.main(list(argv))
    return code, out.getvalue(), err.getvalue()


class WriterSanityTest(unittest.TestCase):
    def test_qt_hash_of_known_names(self):
        # qt_hash("") is 0; one character is its code unit; "ab" = ('a' << 4) + 'b'
        self.assertEqual(extract_rcc.qt_hash(""), 0)
        self.assertEqual(extract_rcc.qt_hash("a"), 0x61)
        self.assertEqual(extract_rcc.qt_hash("ab"), (0x61 << 4) + 0x62)
        # names long enough for the high bits to fold back, with the hashes Qt's rcc stored for them
        self.assertEqual(extract_rcc.qt_hash("ActivityInfo.qml"), 0x562C97C)
        self.assertEqual(extract_rcc.qt_hash("northern_harrier.webp"), 0x13C7A30)
        self.assertEqual(extract_rcc.qt_hash("transparent_square_yellow.svg"), 0xF551BE7)

    def test_compressed_entry_is_qcompress(self):
        blob = write_rcc({"/d/x": (TEXT, ZLIB)})
        self.assertIn(struct.pack(">I", len(TEXT)) + zlib.compress(TEXT), blob)
        self.assertNotIn(TEXT, blob)


class RoundTripTest(unittest.TestCase):
    def test_reads_back_byte_for_byte_every_version(self):
        for version in (1, 2, 3):
            for data_last in (False, True):
                with self.subTest(version=version, data_last=data_last):
                    rcc = extract_rcc.RccFile(write_rcc(SAMPLE, version, data_last))
                    self.assertEqual(rcc.version, version)
                    self.assertEqual(sorted(e.path for e in rcc.entries), sorted(SAMPLE))
                    by_path = {e.path: e for e in rcc.entries}
                    self.assertEqual(by_path["/photos/sub/plain.bin"].compression, "none")
                    self.assertEqual(by_path["/photos/sub/packed.txt"].compression, "zlib")
                    self.assertEqual(rcc.read("/photos/sub/plain.bin"), PLAIN)
                    self.assertEqual(rcc.read("/photos/sub/packed.txt"), TEXT)
                    self.assertTrue(all(e.default_locale for e in rcc.entries))
                    want_modified = LAST_MODIFIED if version >= 2 else 0
                    self.assertEqual({e.last_modified for e in rcc.entries}, {want_modified})
                    if version >= 3:
                        self.assertEqual(rcc.overall_flags, ZLIB)

    def test_path_forms(self):
        rcc = extract_rcc.RccFile(write_rcc(SAMPLE))
        for path in ("/photos/sub/plain.bin", ":/photos/sub/plain.bin", "photos/sub/plain.bin"):
            self.assertEqual(rcc.read(path), PLAIN)
        with self.assertRaisesRegex(extract_rcc.RccError, "no file /photos/nothing"):
            rcc.read("/photos/nothing")
        with self.assertRaisesRegex(extract_rcc.RccError, "no file /photos/sub"):
            rcc.read("/photos/sub")  # a directory is not a file

    def test_many_files_in_nested_folders(self):
        files = {"/a/%d/f%02d.dat" % (i % 3, i): (bytes([i]) * (i * 37), ZLIB if i % 2 else 0) for i in range(20)}
        files["/top.txt"] = (b"top", 0)
        rcc = extract_rcc.RccFile(write_rcc(files))
        self.assertEqual(sorted(e.path for e in rcc.entries), sorted(files))
        for path, (content, _) in files.items():
            self.assertEqual(rcc.read(path), content)

    def test_cli_lists_and_extracts(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bundle.rcc")
            with open(path, "wb") as f:
                f.write(write_rcc(SAMPLE))
            code, out, err = run_cli(path, "--list")
            self.assertEqual((code, err), (0, ""))
            listed = sorted(line.split("\t") for line in out.splitlines())
            self.assertEqual(listed, sorted([[str(len(PLAIN)), "none", "/photos/sub/plain.bin"],
                                             [str(len(TEXT)), "zlib", "/photos/sub/packed.txt"]]))
            for inner, content in (("/photos/sub/plain.bin", PLAIN), ("/photos/sub/packed.txt", TEXT)):
                target = os.path.join(tmp, "out.bin")
                code, out, err = run_cli(path, inner, "-o", target)
                self.assertEqual((code, out, err), (0, "", ""))
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), content)


class BadFilesTest(unittest.TestCase):
    def test_not_an_rcc(self):
        for blob in (b"\x89PNG\r\n\x1a\n" + bytes(100), b"hello, world\n" * 10, b"", b"qre"):
            with self.subTest(blob=blob[:8]):
                with self.assertRaisesRegex(extract_rcc.RccError, "not a Qt rcc file"):
                    extract_rcc.RccFile(blob, "x.rcc")

    def test_unknown_version(self):
        blob = bytearray(write_rcc(SAMPLE))
        blob[4:8] = struct.pack(">I", 9)
        with self.assertRaisesRegex(extract_rcc.RccError, "unsupported rcc version 9"):
            extract_rcc.RccFile(bytes(blob))

    def test_every_truncation_is_a_clear_error(self):
        for data_last in (False, True):
            blob = write_rcc(SAMPLE, 3, data_last)
            for cut in range(len(blob)):
                with self.subTest(data_last=data_last, cut=cut):
                    with self.assertRaises(extract_rcc.RccError) as caught:
                        rcc = extract_rcc.RccFile(blob[:cut], "cut.rcc")
                        for entry in rcc.entries:
                            rcc.read(entry)
                    want = "not a Qt rcc file" if cut < 4 else "truncated"
                    self.assertIn(want, str(caught.exception))
                    self.assertTrue(str(caught.exception).startswith("cut.rcc: "))

    def test_truncated_data_is_found_when_read(self):
        blob = write_rcc(SAMPLE, 3, data_last=True)
        rcc = extract_rcc.RccFile(blob[:-10], "cut.rcc")  # the tree is whole; the last entry's data is not
        self.assertEqual(len(rcc.entries), 2)
        with self.assertRaisesRegex(extract_rcc.RccError, "truncated: the data of /photos/sub/"):
            for entry in rcc.entries:
                rcc.read(entry)

    def test_damaged_name_hash(self):
        blob = write_rcc(SAMPLE)
        damaged = blob.replace("plain.bin".encode("utf-16-be"), "plain.bim".encode("utf-16-be"))
        with self.assertRaisesRegex(extract_rcc.RccError, "damaged name 'plain.bim'"):
            extract_rcc.RccFile(damaged)

    def test_damaged_compressed_entry(self):
        blob = bytearray(write_rcc(SAMPLE))
        at = bytes(blob).index(zlib.compress(TEXT))
        blob[at + 10:at + 20] = bytes(10)
        rcc = extract_rcc.RccFile(bytes(blob))
        with self.assertRaisesRegex(extract_rcc.RccError, "damaged compressed entry /photos/sub/packed.txt"):
            rcc.read("/photos/sub/packed.txt")

    def test_zstd_entry_is_refused_clearly(self):
        rcc = extract_rcc.RccFile(write_rcc({"/d/z.bin": (b"abc", ZSTD), "/d/p.bin": (b"p", 0)}))
        self.assertEqual(rcc.overall_flags, ZSTD)
        self.assertEqual(rcc.read("/d/p.bin"), b"p")
        with self.assertRaisesRegex(extract_rcc.RccError, "zstd-compressed"):
            rcc.read("/d/z.bin")

    def test_cli_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            notrcc = os.path.join(tmp, "photo.png")
            with open(notrcc, "wb") as f:
                f.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
            code, out, err = run_cli(notrcc, "--list")
            self.assertEqual((code, out), (1, ""))
            self.assertEqual(err, "extract_rcc: %s: not a Qt rcc file (it does not start with 'qres')\n" % notrcc)

            cut = os.path.join(tmp, "cut.rcc")
            with open(cut, "wb") as f:
                f.write(write_rcc(SAMPLE)[:60])
            target = os.path.join(tmp, "out.bin")
            code, out, err = run_cli(cut, "/photos/sub/plain.bin", "-o", target)
            self.assertEqual((code, out), (1, ""))
            self.assertTrue(err.startswith("extract_rcc: %s: truncated" % cut), err)
            self.assertFalse(os.path.exists(target))

            code, out, err = run_cli(os.path.join(tmp, "missing.rcc"), "--list")
            self.assertEqual(code, 1)
            self.assertIn("missing.rcc", err)


if __name__ == "__main__":
    unittest.main()
