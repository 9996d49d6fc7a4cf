"""Pieces of train.py: the channel-order augmentation and the loss named in the model card."""
import os
import sys
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import train  # noqa: E402


class PermuteChannelsTest(unittest.TestCase):
    def test_each_pair_gets_one_order_for_both_its_histograms(self):
        g = torch.Generator().manual_seed(0)
        edited = torch.rand(60, 1, 4, 4, 4, generator=g)
        original = torch.rand(60, 1, 4, 4, 4, generator=g)
        e2, o2 = train.permute_channels(edited, original, np.random.default_rng(3))
        used = set()
        for i in range(60):
            orders = [p for p in train.PERMUTATIONS
                      if torch.equal(e2[i, 0], edited[i, 0].permute(p)) and torch.equal(o2[i, 0], original[i, 0].permute(p))]
            self.assertEqual(len(orders), 1, f"pair {i}")
            used.add(orders[0])
        self.assertEqual(used, set(train.PERMUTATIONS))          # 60 draws reach all six orders
        self.assertFalse(torch.equal(e2, edited))
        self.assertTrue(torch.equal(edited, edited.clone()))      # the inputs are left as they were

    def test_swapping_axes_swaps_the_marginals(self):
        h = torch.zeros(1, 1, 4, 4, 4)
        h[0, 0, 3, 0, 1] = 1.0                                     # red bin 3, green 0, blue 1
        for _ in range(20):
            e2, _ = train.permute_channels(h, h, np.random.default_rng(_))
            where = tuple(int(v) for v in torch.nonzero(e2[0, 0])[0])
            self.assertEqual(sorted(where), [0, 1, 3])


class LossDescriptionTest(unittest.TestCase):
    def test_names_only_the_terms_in_use(self):
        args = train.parse_args(["--train", "t", "--val", "v", "--out", "o", "--smoothed-kl-weight", "0",
                                 "--plain-kl-weight", "0", "--metric-kl-weight", "0.5"])
        self.assertEqual(train.loss_description(args),
                         "10 x marginal Wasserstein-1 + 0.5 x KL as `retone eval` measures it (floor 1e-6 per bin)")
        default = train.loss_description(train.parse_args(["--train", "t", "--val", "v", "--out", "o"]))
        self.assertEqual(default, "1 x KL on histograms blurred by sigma=1.5 bins + 0.25 x plain KL + 10 x marginal Wasserstein-1")


if __name__ == "__main__":
    unittest.main()
