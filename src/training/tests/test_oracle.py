import unittest

import numpy as np
import torch

from retone_train.calibrate import java_kl
from retone_train.model import pushforward
from retone_train.oracle import oracle_curves
from tests.test_curves import histogram_of


class OracleCurvesTest(unittest.TestCase):
    def test_a_per_channel_edit_is_undone_by_the_oracles_curves(self):
        rng = np.random.default_rng(4)
        original_values = rng.beta(2.0, 3.0, size=(200_000, 3))
        edited_values = np.stack([original_values[:, 0] ** 0.6,                 # gamma on red
                                  0.2 + 0.6 * original_values[:, 1],            # contrast down on green
                                  np.minimum(original_values[:, 2] * 1.3, 0.999)], axis=1)   # spill on blue
        original = histogram_of(original_values, 32).double()
        edited = histogram_of(edited_values, 32).double()
        undone = pushforward(edited, oracle_curves(edited, original))
        before = float(java_kl(original, edited)[0])
        after = float(java_kl(original, undone)[0])
        self.assertGreater(before, 1.0)
        self.assertLess(after, 0.1 * before, f"KL {before:.3f} -> {after:.3f}")

    def test_curves_are_monotone_and_the_identity_for_an_unedited_pair(self):
        rng = np.random.default_rng(5)
        h = histogram_of(rng.beta(2.0, 2.0, size=(100_000, 3)), 32).double()
        curves = oracle_curves(h, h)
        self.assertEqual((1, 3, 33), tuple(curves.shape))
        self.assertTrue(bool((curves[..., 1:] >= curves[..., :-1]).all()))
        self.assertLess(float(java_kl(h, pushforward(h, curves))[0]), 1e-3)


if __name__ == "__main__":
    unittest.main()
