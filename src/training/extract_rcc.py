#!/usr/bin/env python3
"""Lists and extracts files from a Qt binary resource bundle (.rcc), standard library only.

The format, as Qt's rcc writes it and QResource reads it (all numbers big-endian):

  header    'qres', version (4 bytes: 1, 2 or 3), tree offset (4), data offset (4),
            names offset (4); version 3 adds the overall flags (4: 1 = some entry is
            zlib-compressed, 4 = some entry is zstd-compressed)
  tree      an array of nodes, node 0 the root; a node is 14 bytes, 22 from version 2:
              name offset (4), flags (2: 1 zlib, 2 directory, 4 zstd), then
              directory: child count (4), index of the first child (4)
              file:      country (2), language (2) (QLocale enums; rcc's default is 0 and
                         1 = C), data offset (4)
            then, from version 2, the last-modified time (8, ms since the epoch; 0 = unknown).
            A directory's children are consecutive nodes, sorted by the hash of their names.
  names     at each name offset: length in UTF-16 code units (2), hash (4), UTF-16BE text
  data      at each data offset: length (4), then that many bytes. A zlib-compressed entry
            is Qt's qCompress: the uncompressed size (4) then a zlib stream. A zstd-compressed
            entry is a plain zstd frame (not handled here: no standard-library decoder; the
            error says so).

Usage:
  extract_rcc.py FILE.rcc --list             one line per file: size, compression, path
  extract_rcc.py FILE.rcc PATH -o OUT        writes that file's (uncompressed) bytes to OUT
PATH is the path inside the bundle, e.g. /gcompris/src/activities/erase/resource/x.webp
(a leading ':' as in Qt's ':/…' is accepted, and so is a missing leading '/').
"""
import argparse
import struct
import sys
import zlib

MAGIC = b"qres"
FLAG_ZLIB = 0x01
FLAG_DIRECTORY = 0x02
FLAG_ZSTD = 0x04


class RccError(Exception):
    """The file is not a Qt rcc bundle, is truncated or damaged, or the entry can't be read."""


class Entry:
    """One file in the bundle."""

    def __init__(self, path, flags, country, language, data_offset, last_modified):
        self.path = path
        self.flags = flags
        self.country = country
        self.language = language
        self.data_offset = data_offset
        self.last_modified = last_modified

    @property
    def default_locale(self):
        """Language 0 (any) or 1 (QLocale::C, what rcc writes by default), country 0 (any)."""
        return self.language in (0, 1) and self.country == 0

    @property
    def compression(self):
        if self.flags & FLAG_ZSTD:
            return "zstd"
        if self.flags & FLAG_ZLIB:
            return "zlib"
        return "none"

    def __repr__(self):
        return "Entry(%r, %s)" % (self.path, self.compression)


def qt_hash(name):
    """Qt's qt_hash over UTF-16 code units (the hash stored beside each name)."""
    h = 0
    units = name.encode("utf-16-be")
    for i in range(0, len(units), 2):
        h = ((h << 4) + ((units[i] << 8) | units[i + 1])) & 0xFFFFFFFF
        h ^= (h & 0xF0000000) >> 23
        h &= 0x0FFFFFFF
    return h


class RccFile:
    """A parsed .rcc bundle held in memory: .entries (a list of Entry) and .read(path)."""

    def __init__(self, blob, name="<rcc>"):
        self.blob = blob
        self.name = name
        if len(blob) < 4 or blob[:4] != MAGIC:
            raise RccError("%s: not a Qt rcc file (it does not start with 'qres')" % name)
        if len(blob) < 20:
            raise RccError("%s: truncated: %d bytes, shorter than the rcc header" % (name, len(blob)))
        self.version, self.tree, self.data, self.names = struct.unpack_from(">IIII", blob, 4)
        if self.version not in (1, 2, 3):
            raise RccError("%s: unsupported rcc version %d (known: 1, 2, 3)" % (name, self.version))
        self.overall_flags = 0
        if self.version >= 3:
            if len(blob) < 24:
                raise RccError("%s: truncated: %d bytes, shorter than the version 3 header" % (name, len(blob)))
            (self.overall_flags,) = struct.unpack_from(">I", blob, 20)
        self.node_size = 14 if self.version == 1 else 22
        for what, offset in (("tree", self.tree), ("data", self.data), ("names", self.names)):
            if offset > len(blob):
                raise RccError("%s: truncated: the %s offset %d is past the end (%d bytes)"
                               % (name, what, offset, len(blob)))
        self.entries = []
        self._walk(0, "", set())

    # -- reading with bounds checks, so a cut-off file gives a clear error, not a struct.error
    def _unpack(self, fmt, offset, what):
        size = struct.calcsize(fmt)
        if offset < 0 or offset + size > len(self.blob):
            raise RccError("%s: truncated: the %s at offset %d runs past the end of the file (%d bytes)"
                           % (self.name, what, offset, len(self.blob)))
        return struct.unpack_from(fmt, self.blob, offset)

    def _bytes(self, offset, size, what):
        if offset < 0 or offset + size > len(self.blob):
            raise RccError("%s: truncated: the %s at offset %d (%d bytes) runs past the end of the file (%d bytes)"
                           % (self.name, what, offset, size, len(self.blob)))
        return self.blob[offset:offset + size]

    def _name(self, name_offset):
        at = self.names + name_offset
        length, stored_hash = self._unpack(">HI", at, "name")
        raw = self._bytes(at + 6, 2 * length, "name")
        try:
            text = raw.decode("utf-16-be")
        except UnicodeDecodeError as e:
            raise RccError("%s: damaged name at offset %d: %s" % (self.name, at, e))
        if qt_hash(text) != stored_hash:
            raise RccError("%s: damaged name %r at offset %d: its hash does not match" % (self.name, text, at))
        return text

    def _node(self, index):
        at = self.tree + index * self.node_size
        name_offset, flags, a, b = self._unpack(">IHII", at, "tree node %d" % index)
        last_modified = 0
        if self.version >= 2:
            (last_modified,) = self._unpack(">Q", at + 14, "tree node %d" % index)
        return name_offset, flags, a, b, last_modified

    def _walk(self, index, prefix, seen):
        if index in seen:
            raise RccError("%s: damaged tree: node %d is reached twice" % (self.name, index))
        seen.add(index)
        name_offset, flags, a, b, last_modified = self._node(index)
        if index == 0 and not flags & FLAG_DIRECTORY:
            raise RccError("%s: damaged tree: the root is not a directory" % self.name)
        if flags & FLAG_DIRECTORY:
            path = "" if index == 0 else prefix + "/" + self._name(name_offset)
            count, first = a, b
            for child in range(first, first + count):
                self._walk(child, path, seen)
        else:
            path = prefix + "/" + self._name(name_offset)
            country, language = a >> 16, a & 0xFFFF
            self.entries.append(Entry(path, flags, country, language, b, last_modified))

    def find(self, path):
        """The entry at path ('/a/b', ':/a/b' or 'a/b'); of several locales, the default one."""
        if path.startswith(":"):
            path = path[1:]
        if not path.startswith("/"):
            path = "/" + path
        found = [e for e in self.entries if e.path == path]
        if not found:
            raise RccError("%s: no file %s in the bundle" % (self.name, path))
        found.sort(key=lambda e: not e.default_locale)
        return found[0]

    def read(self, path_or_entry):
        """The uncompressed bytes of an entry."""
        entry = path_or_entry if isinstance(path_or_entry, Entry) else self.find(path_or_entry)
        at = self.data + entry.data_offset
        (size,) = self._unpack(">I", at, "data length of %s" % entry.path)
        payload = self._bytes(at + 4, size, "data of %s" % entry.path)
        if entry.flags & FLAG_ZSTD:
            raise RccError("%s: %s is zstd-compressed, which this reader does not decode "
                           "(it needs a zstd decoder, e.g. Debian's python3-zstandard)" % (self.name, entry.path))
        if entry.flags & FLAG_ZLIB:
            if size < 4:
                raise RccError("%s: damaged compressed entry %s (%d bytes)" % (self.name, entry.path, size))
            (expected,) = struct.unpack_from(">I", payload, 0)
            try:
                out = zlib.decompress(payload[4:])
            except zlib.error as e:
                raise RccError("%s: damaged compressed entry %s: %s" % (self.name, entry.path, e))
            if len(out) != expected:
                raise RccError("%s: damaged compressed entry %s: %d bytes, the header says %d"
                               % (self.name, entry.path, len(out), expected))
            return out
        return payload


def open_rcc(path):
    with open(path, "rb") as f:
        return RccFile(f.read(), path)


def main(argv=None):
    p = argparse.ArgumentParser(description="List or extract files in a Qt .rcc resource bundle.")
    p.add_argument("rcc", help="the .rcc file")
    p.add_argument("path", nargs="?", help="path inside the bundle to extract, e.g. /dir/file.webp")
    p.add_argument("-o", "--output", help="where to write the extracted file")
    p.add_argument("--list", action="store_true", help="list the files: size, compression, path")
    args = p.parse_args(argv)
    if args.list == bool(args.path):
        p.error("give either --list or a PATH (with -o OUT)")
    if args.path and not args.output:
        p.error("extracting needs -o OUT")
    try:
        rcc = open_rcc(args.rcc)
        if args.list:
            for e in rcc.entries:
                if e.flags & FLAG_ZSTD:
                    size = "?"
                else:
                    size = str(len(rcc.read(e)))
                locale = "" if e.default_locale else "\tlanguage=%d,country=%d" % (e.language, e.country)
                sys.stdout.write("%s\t%s\t%s%s\n" % (size, e.compression, e.path, locale))
        else:
            data = rcc.read(args.path)
            with open(args.output, "wb") as f:
                f.write(data)
    except RccError as e:
        sys.stderr.write("extract_rcc: %s\n" % e)
        return 1
    except BrokenPipeError:
        return 1
    except OSError as e:
        sys.stderr.write("extract_rcc: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
