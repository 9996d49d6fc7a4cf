import unittest

import numpy as np
import torch

from retone_train import losses
from retone_train.model import CurveNet, RefinedCurveNet, parameter_count, pushforward
from tests.test_model import random_histograms


def histogram_of(values, bins):
    """A 3D histogram of [M, 3] values in [0, 1), by the app's rule (bin = floor(v * B))."""
    idx = np.minimum((values * bins).astype(int), bins - 1)
    h = np.zeros((bins, bins, bins))
    np.add.at(h, (idx[:, 0], idx[:, 1], idx[:, 2]), 1)
    return torch.tensor(h / h.sum(), dtype=torch.float32).reshape(1, 1, bins, bins, bins)


class PushforwardTest(unittest.TestCase):
    def test_identity_curves_change_nothing(self):
        h = random_histograms(2)
        x = torch.linspace(0, 1, 33)
        out = pushforward(h, x.expand(2, 3, 33))
        self.assertTrue(torch.allclose(out, h, atol=1e-6))

    def test_mass_is_kept_even_for_curves_leaving_the_range(self):
        h = random_histograms(1)
        x = torch.linspace(0, 1, 33)
        curves = torch.stack([x * 1.6 - 0.2, x ** 0.4, 0.3 + 0.2 * x]).unsqueeze(0)
        out = pushforward(h, curves)
        self.assertAlmostEqual(float(out.sum()), 1.0, places=5)
        self.assertGreaterEqual(float(out.min()), 0.0)

    def test_matches_the_histogram_of_the_curved_pixels(self):
        rng = np.random.default_rng(0)
        pixels = rng.beta(2, 3, size=(200_000, 3))
        bins = 32
        x = np.linspace(0, 1, bins + 1)
        gamma = [0.6, 1.0, 1.5]
        curves = torch.tensor(np.stack([x ** g for g in gamma]), dtype=torch.float32).unsqueeze(0)
        predicted = pushforward(histogram_of(pixels, bins), curves)
        actual = histogram_of(np.stack([pixels[:, c] ** gamma[c] for c in range(3)], axis=1), bins)
        # within-bin detail is lost (mass assumed uniform in its bin): close, not exact
        self.assertLess(losses.marginal_w1(actual, predicted).item(), 0.01)
        self.assertLess(losses.smoothed_kl(actual, predicted).item(), 0.05)

    def test_steep_curves_leave_no_comb(self):
        h = torch.zeros(1, 1, 32, 32, 32)
        h[0, 0, 8:16, 10, 10] = 1 / 8                                 # 8 neighbouring red bins
        x = torch.linspace(0, 1, 33)
        curves = torch.stack([x * 2 - 0.25, x, x]).unsqueeze(0)       # red stretched twice
        out = pushforward(h, curves)[0, 0, :, 10, 10]
        filled = out[out > 0]
        self.assertEqual(len(filled), 16)                             # every bin of the stretched range
        self.assertLess(float(filled.max() / filled.min()), 1.01)


class CurveNetTest(unittest.TestCase):
    def test_untrained_is_identity_and_output_is_a_distribution(self):
        h = random_histograms(3, seed=7)
        net = CurveNet().eval()
        with torch.no_grad():
            self.assertTrue(torch.allclose(net(h), h, atol=1e-6))
            torch.nn.init.normal_(net.out.weight, std=0.1)
            out = net(h)
        self.assertTrue(torch.allclose(out.sum(dim=(1, 2, 3, 4)), torch.ones(3), atol=1e-5))
        curves = net.curves(h)
        self.assertTrue(torch.all(curves[:, :, 1:] >= curves[:, :, :-1]), "curves are monotone")

    def test_cannot_invent_colours(self):
        h = torch.zeros(1, 1, 32, 32, 32)
        h[0, 0, 5, 20, 7] = 1.0                                       # a one-colour photo
        net = CurveNet().eval()
        torch.nn.init.normal_(net.out.weight, std=0.5)
        with torch.no_grad():
            out = net(h)[0, 0]
        # whatever the curves, one colour stays one colour (possibly spread along its bin's image)
        rows = (out.sum(dim=(1, 2)) > 0).sum() * (out.sum(dim=(0, 2)) > 0).sum() * (out.sum(dim=(0, 1)) > 0).sum()
        self.assertEqual(int((out > 0).sum()), int(rows))

    def test_refined_is_identity_untrained_bounded_and_small(self):
        h = random_histograms(2, seed=8)
        net = RefinedCurveNet().eval()
        with torch.no_grad():
            self.assertTrue(torch.allclose(net(h), h, atol=1e-5))
            torch.nn.init.normal_(net.head.weight, std=1.0)
            out = net(h)
        ratio = (out + 1e-12) / (h + 1e-12)
        self.assertLess(float(ratio[h > 1e-6].max()), np.exp(2 * RefinedCurveNet.BOUND) * 1.01)
        self.assertLess(parameter_count(net), 500_000)


if __name__ == "__main__":
    unittest.main()
