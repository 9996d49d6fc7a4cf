"""Pieces of train.py: the channel-order augmentation and the loss weights from the command line."""
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


class LossWeightsTest(unittest.TestCase):
    def test_the_command_line_weights_each_term_and_defaults_to_the_losses_own(self):
        args = train.parse_args(["--train", "t", "--val", "v", "--out", "o", "--smoothed-kl-weight", "0",
                                 "--plain-kl-weight", "0", "--metric-kl-weight", "0.5"])
        self.assertEqual(train.loss_weights(args), {"smoothed_weight": 0.0, "plain_weight": 0.0, "w1_weight": 10.0,
                                                    "metric_weight": 0.5})
        default = train.parse_args(["--train", "t", "--val", "v", "--out", "o"])
        self.assertEqual(train.loss_weights(default), train.losses.DEFAULT_WEIGHTS)
        g = torch.Generator().manual_seed(1)
        a, b = (torch.rand(2, 1, 8, 8, 8, generator=g) ** 4 for _ in range(2))
        a, b = a / a.sum(dim=(2, 3, 4), keepdim=True), b / b.sum(dim=(2, 3, 4), keepdim=True)
        self.assertAlmostEqual(train.loss_of(args, a, b).item(),
                               10 * train.losses.marginal_w1(a, b).item() + 0.5 * train.losses.metric_kl(a, b).item(),
                               places=4)


if __name__ == "__main__":
    unittest.main()
