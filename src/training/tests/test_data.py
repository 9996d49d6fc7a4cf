"""The dataset contract: reads the fixture the Java side writes (HistogramDatasetTest)."""
import os
import tempfile
import unittest

import numpy as np

from retone_train import data

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "..", "test", "resources", "fixtures", "dataset-v1.rthd")
BINS = 4
COUNT = 3


def fixture_pair(i):
    """The same definition as HistogramDatasetTest.fixturePair."""
    j = np.arange(BINS ** 3)
    e = 1 + (7 * j + i) % 5
    o = 1 + (3 * j + 2 * i) % 4
    return (e / e.sum()).astype(np.float32), (o / o.sum()).astype(np.float32)


class DatasetFileTest(unittest.TestCase):
    def test_reads_the_java_fixture(self):
        pairs = data.HistogramPairs(FIXTURE)
        self.assertEqual(pairs.bins, BINS)
        self.assertEqual(len(pairs), COUNT)
        for i in range(COUNT):
            edited, original = pairs[i]
            want_e, want_o = fixture_pair(i)
            np.testing.assert_array_equal(edited.reshape(-1), want_e)
            np.testing.assert_array_equal(original.reshape(-1), want_o)
            self.assertAlmostEqual(float(edited.sum()), 1.0, places=5)

    def test_flat_index_is_r_g_b(self):
        pairs = data.HistogramPairs(FIXTURE)
        edited, _ = pairs[0]
        want, _ = fixture_pair(0)
        r, g, b = 1, 2, 3
        self.assertEqual(edited[r, g, b], want[(r * BINS + g) * BINS + b])

    def test_batches_keep_the_order_asked_for(self):
        pairs = data.HistogramPairs(FIXTURE)
        edited, original = pairs.batch([2, 0, 1])
        self.assertEqual(edited.shape, (3, 1, BINS, BINS, BINS))
        np.testing.assert_array_equal(original[0].reshape(-1), fixture_pair(2)[1])
        np.testing.assert_array_equal(original[1].reshape(-1), fixture_pair(0)[1])

    def test_write_then_read_round_trips_byte_for_byte(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.rthd")
            data.write(path, BINS, [fixture_pair(i) for i in range(COUNT)])
            with open(path, "rb") as a, open(FIXTURE, "rb") as b:
                self.assertEqual(a.read(), b.read())

    def test_rejects_other_files(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.rthd")
            with open(bad, "wb") as f:
                f.write(b"JUNK" + bytes(60))
            with self.assertRaises(data.DatasetError):
                data.HistogramPairs(bad)
            cut = os.path.join(d, "cut.rthd")
            with open(FIXTURE, "rb") as f, open(cut, "wb") as g:
                g.write(f.read()[:-4])
            with self.assertRaises(data.DatasetError):
                data.HistogramPairs(cut)


if __name__ == "__main__":
    unittest.main()
