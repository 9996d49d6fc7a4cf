"""The dataset file written by the Java `dataset` command (see HistogramDataset.java).

Layout, little-endian: magic b"RTHD", uint32 version (1), uint32 bins, uint32 count,
uint32 header size (32), 12 reserved bytes, then `count` pairs of float32 histograms of
bins**3 values each: the edited one, then the original one.
"""
import struct

import numpy as np

MAGIC = b"RTHD"
VERSION = 1
HEADER = struct.Struct("<4sIIII12x")


class DatasetError(ValueError):
    pass


def read_header(path):
    with open(path, "rb") as f:
        raw = f.read(HEADER.size)
    if len(raw) < HEADER.size:
        raise DatasetError(f"{path}: too short for a dataset header")
    magic, version, bins, count, header_size = HEADER.unpack(raw)
    if magic != MAGIC:
        raise DatasetError(f"{path}: not a Retone dataset (magic {magic!r})")
    if version != VERSION:
        raise DatasetError(f"{path}: dataset version {version}, this trainer reads {VERSION}")
    return bins, count, header_size


class HistogramPairs:
    """Memory-mapped (edited, original) pairs: pairs[i] -> two float32 arrays of shape (B, B, B)."""

    def __init__(self, path):
        self.path = str(path)
        self.bins, self.count, header_size = read_header(path)
        cells = self.bins ** 3
        expected = header_size + 8 * cells * self.count
        import os
        actual = os.path.getsize(path)
        if actual != expected:
            raise DatasetError(f"{path}: {actual} bytes, its header says {expected}")
        self._data = np.memmap(path, dtype="<f4", mode="r", offset=header_size,
                               shape=(self.count, 2, self.bins, self.bins, self.bins))

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        pair = np.asarray(self._data[i], dtype=np.float32)
        return pair[0], pair[1]

    def batch(self, indices):
        """Edited and original histograms of the given pairs, as [N, 1, B, B, B] float32 arrays."""
        idx = np.sort(np.asarray(indices))
        block = np.asarray(self._data[idx], dtype=np.float32)
        order = np.argsort(np.argsort(np.asarray(indices)))
        block = block[order]
        return block[:, 0:1], block[:, 1:2]


def write(path, bins, pairs):
    """Writes (edited, original) pairs in the same format (for tests and tools)."""
    pairs = list(pairs)
    with open(path, "wb") as f:
        f.write(HEADER.pack(MAGIC, VERSION, bins, len(pairs), HEADER.size))
        for edited, original in pairs:
            f.write(np.asarray(edited, dtype="<f4").reshape(-1).tobytes())
            f.write(np.asarray(original, dtype="<f4").reshape(-1).tobytes())
