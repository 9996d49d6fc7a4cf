import math
import os
import tempfile
import unittest

import numpy as np
import torch

from retone_train import calibrate, data, export
from retone_train.model import CurveNet, pushforward
from tests.test_curves import histogram_of
from tests.test_model import random_histograms


def trained_like(seed=0, scale=0.8):
    """A CurveNet whose last layer is not zero, so its curves really move the histogram."""
    torch.manual_seed(seed)
    net = CurveNet(bins=32, dropout=0.0)
    with torch.no_grad():
        net.out.weight.normal_(0, 0.05)
        net.out.bias.copy_(torch.linspace(-scale, scale, net.out.bias.numel()))
    return net.eval()


class CalibratedCurveNetTest(unittest.TestCase):
    def test_full_amount_and_no_spread_is_the_network_itself(self):
        net = trained_like()
        h = random_histograms(3)
        with torch.no_grad():
            self.assertTrue(torch.allclose(calibrate.CalibratedCurveNet(net, 1.0, 0.0)(h), net(h), atol=1e-7))

    def test_amount_blends_the_curves_with_the_identity(self):
        net = trained_like()
        h = random_histograms(2)
        identity = torch.linspace(0, 1, 33)
        with torch.no_grad():
            full = net.curves(h)
            half = calibrate.CalibratedCurveNet(net, 0.5).curves(h)
            self.assertTrue(torch.allclose(half, identity + 0.5 * (full - identity), atol=1e-6))
            self.assertGreater(float((full - identity).abs().max()), 0.02)   # the test would see no blend otherwise
            out = calibrate.CalibratedCurveNet(net, 0.5)(h)
        self.assertTrue(torch.allclose(out, pushforward(h, half), atol=1e-7))
        self.assertAlmostEqual(float(out.sum(dim=(1, 2, 3, 4))[0]), 1.0, places=5)

    def test_spread_blurs_the_prediction_and_keeps_it_a_distribution(self):
        net = trained_like()
        h = random_histograms(1)
        with torch.no_grad():
            sharp = calibrate.CalibratedCurveNet(net, 0.8, 0.0)(h)
            spread = calibrate.CalibratedCurveNet(net, 0.8, 0.5)(h)
        self.assertAlmostEqual(float(spread.sum()), 1.0, places=5)
        # blurring lowers the peaks and fills empty bins next to full ones
        self.assertLess(float(spread.max()), float(sharp.max()))
        self.assertGreater(int((spread > 1e-6).sum()), int((sharp > 1e-6).sum()))

    def test_refuses_meaningless_settings(self):
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 0.0)
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 1.2)
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 0.5, -1.0)

    def test_exports_to_onnx_with_the_contracted_names(self):
        model = calibrate.CalibratedCurveNet(trained_like(), 0.6, 0.5)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.onnx")
            export.export_onnx(model, path, 32)
            self.assertGreater(os.path.getsize(path), 10_000)
        text = torch.onnx.export_to_pretty_string(
            model.eval(), torch.full((1, 1, 32, 32, 32), 1 / 32 ** 3), input_names=[export.INPUT_NAME],
            output_names=[export.OUTPUT_NAME], opset_version=export.OPSET)
        self.assertIn('name: "histogram"', text)
        self.assertIn('name: "target"', text)


class MeasuresTest(unittest.TestCase):
    def test_java_kl_matches_the_formula_of_histogram3d(self):
        p = random_histograms(1, bins=8, seed=1)
        q = random_histograms(1, bins=8, seed=2)
        floor = 1e-6
        pp = (p.double().reshape(-1) + floor) / (1 + floor * 512)
        qq = (q.double().reshape(-1) + floor) / (1 + floor * 512)
        expected = float((pp * (pp / qq).log()).sum())
        self.assertAlmostEqual(float(calibrate.java_kl(p, q)[0]), expected, places=9)
        self.assertAlmostEqual(float(calibrate.java_kl(p, p)[0]), 0.0, places=12)

    def test_marginal_w2_is_the_square_of_a_shift(self):
        rng = np.random.default_rng(3)
        pixels = rng.uniform(0.2, 0.6, size=(300_000, 3))
        a = histogram_of(pixels, 32)
        b = histogram_of(pixels + np.array([0.25, 0.0, 0.125]), 32)
        # channel shifts of 8 and 4 bins: W2² = (0.25² + 0 + 0.125²) / 3
        expected = (0.25 ** 2 + 0.125 ** 2) / 3
        self.assertAlmostEqual(float(calibrate.marginal_w2(a, b)[0]), expected, delta=0.02 * expected)
        self.assertAlmostEqual(float(calibrate.marginal_w2(a, a)[0]), 0.0, places=12)


class FitTest(unittest.TestCase):
    def test_fit_finds_the_amount_that_undoes_an_overshoot(self):
        """Pairs made so that the network's curves go exactly twice as far as needed: the fit must
        choose an amount of about one half, and spread may only lower the KL it reports."""
        net = trained_like(scale=0.6)
        edited = random_histograms(12, seed=5)
        with torch.no_grad():
            original = calibrate.CalibratedCurveNet(net, 0.5)(edited)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "val.rthd")
            data.write(path, 32, zip(edited.numpy()[:, 0], original.numpy()[:, 0]))
            amount, spread, table = calibrate.fit(net, data.HistogramPairs(path), log=lambda *a: None)
        self.assertAlmostEqual(amount, 0.5, delta=0.051)
        kls = [row["kl"] for row in table["spread"]]
        self.assertEqual(table["chosen"]["kl"], min(kls))
        self.assertEqual(table["chosen"]["spread"], spread)
        chosen_row = [row for row in table["amount"] if row["amount"] == amount][0]
        self.assertTrue(all(chosen_row["w2"] <= row["w2"] for row in table["amount"]))
        self.assertTrue(math.isfinite(table["edited"]["kl"]) and table["edited"]["kl"] > 0)


if __name__ == "__main__":
    unittest.main()
