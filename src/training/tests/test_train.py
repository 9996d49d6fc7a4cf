"""Pieces of train.py: the channel-order augmentation, the loss weights from the command line and
the validation figures of each epoch."""
import itertools
import os
import sys
import tempfile
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import train  # noqa: E402
from retone_train.calibrate import java_kl  # noqa: E402


class PermuteChannelsTest(unittest.TestCase):
    def test_each_pair_gets_one_order_for_both_its_histograms(self):
        g = torch.Generator().manual_seed(0)
        edited = torch.rand(60, 1, 4, 4, 4, generator=g)
        original = torch.rand(60, 1, 4, 4, 4, generator=g)
        before = edited.clone()
        e2, o2 = train.permute_channels(edited, original, np.random.default_rng(3))
        used = set()
        for i in range(60):
            orders = [p for p in train.PERMUTATIONS
                      if torch.equal(e2[i, 0], edited[i, 0].permute(p)) and torch.equal(o2[i, 0], original[i, 0].permute(p))]
            self.assertEqual(len(orders), 1, f"pair {i}")
            used.add(orders[0])
        self.assertEqual(used, set(train.PERMUTATIONS))          # 60 draws reach all six orders
        self.assertFalse(torch.equal(e2, edited))
        self.assertTrue(torch.equal(edited, before))              # the inputs are left as they were

    def test_swapping_axes_swaps_the_marginals(self):
        h = torch.zeros(1, 1, 4, 4, 4)
        h[0, 0, 3, 0, 1] = 1.0                                     # red bin 3, green 0, blue 1
        seen = set()
        for seed in range(40):
            e2, _ = train.permute_channels(h, h, np.random.default_rng(seed))
            self.assertEqual(float(e2.sum()), 1.0)                  # the one spike, moved and not copied
            seen.add(tuple(int(v) for v in torch.nonzero(e2[0, 0])[0]))
        # the spike lands at every reordering of its three bins, and nowhere else
        self.assertEqual(seen, set(itertools.permutations((3, 0, 1))))


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


class EvaluateTest(unittest.TestCase):
    """The validation figures of each epoch, on a small dataset written by the reader's own writer."""

    def pairs(self, d):
        rng = np.random.default_rng(5)
        written = []
        for _ in range(10):
            original = rng.random((8, 8, 8)) ** 6
            edited = np.roll(original, 2, axis=1) + 0.001 * rng.random((8, 8, 8))
            written.append((edited / edited.sum(), original / original.sum()))
        path = os.path.join(d, "v.rthd")
        train.data.write(path, 8, written)
        return train.data.HistogramPairs(path), written

    def test_the_eval_kl_is_the_one_retone_eval_reports_and_an_identity_network_scores_one(self):
        with tempfile.TemporaryDirectory() as d:
            val, written = self.pairs(d)
            args = train.parse_args(["--train", "t", "--val", "v", "--out", "o"])
            fixed = train.edited_kl(val, np.arange(10), 4)
            expected = sum(float(java_kl(torch.from_numpy(o).reshape(1, -1), torch.from_numpy(e).reshape(1, -1)))
                           for e, o in written)
            self.assertAlmostEqual(fixed["kl_edited_eval"], expected, places=3)
            self.assertGreater(fixed["kl_edited_eval"], 1.0)       # the shifted copies really are far apart

            identity = train.CurveNet(bins=8, width=4)             # identity at initialisation
            total = train.evaluate(identity, val, np.arange(10), 4, args)
            self.assertEqual(total["n"], 10)
            self.assertAlmostEqual(total["kl_pred_eval"] / fixed["kl_edited_eval"], 1.0, places=4)

            originals = iter(torch.from_numpy(np.stack([o for _, o in written])).float().reshape(10, 1, 8, 8, 8))

            class Oracle(torch.nn.Module):                        # answers with the originals, in order
                def forward(self, edited):
                    return torch.stack([next(originals) for _ in range(edited.shape[0])])
            total = train.evaluate(Oracle(), val, np.arange(10), 4, args)
            self.assertLess(total["kl_pred_eval"] / fixed["kl_edited_eval"], 1e-4)

if __name__ == "__main__":
    unittest.main()
