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
    def test_full_amount_and_no_threshold_is_the_network_itself(self):
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

    def test_threshold_drops_small_corrections_and_shortens_large_ones(self):
        h = random_histograms(2)
        identity = torch.linspace(0, 1, 33)
        small = identity + 0.01 * torch.sin(math.pi * identity)          # shifts colours by under 0.01
        large = identity + 0.08 * torch.sin(math.pi * identity)
        curves = torch.stack([small.expand(3, 33), large.expand(3, 33)])
        out = calibrate.shrink(curves, h, 1.0, 0.02)
        self.assertTrue(torch.allclose(out[0], identity.expand(3, 33), atol=1e-7))   # below the threshold: no change
        # above it: the same shape, shrunk by 1 - threshold / rms shift
        m = calibrate.marginals(h[1:2])[0]
        shift = large - identity
        centre = 0.5 * (shift[:-1] + shift[1:])                          # each bin's middle
        rms = float(torch.sqrt((m * centre ** 2).sum() / 3))
        expected = identity + (1 - 0.02 / rms) * (large - identity)
        self.assertTrue(torch.allclose(out[1], expected.expand(3, 33), atol=1e-6))
        self.assertGreater(1 - 0.02 / rms, 0.3)   # really shrunk, not dropped

    def test_refuses_meaningless_settings(self):
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 0.0)
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 1.2)
        with self.assertRaises(ValueError):
            calibrate.CalibratedCurveNet(CurveNet(), 0.5, -0.1)

    def test_exports_to_onnx_with_the_contracted_names(self):
        model = calibrate.CalibratedCurveNet(trained_like(), 0.6, 0.01)
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

    def test_pushed_marginals_are_the_marginals_of_the_pushforward(self):
        net = trained_like()
        h = random_histograms(3)
        with torch.no_grad():
            curves = net.curves(h)
            full = calibrate.marginals(pushforward(h, curves))
            quick = calibrate._pushed_marginals(calibrate.marginals(h), curves)
        self.assertTrue(torch.allclose(full, quick, atol=1e-6))

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
    def fit_on(self, net, edited, original):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "val.rthd")
            data.write(path, 32, zip(edited.numpy()[:, 0], original.numpy()[:, 0]))
            return calibrate.fit(net, data.HistogramPairs(path), log=lambda *a: None)

    def test_fit_finds_the_amount_that_undoes_an_overshoot(self):
        """Pairs made so that the network's curves go exactly twice as far as needed: the fit must
        choose an amount of about one half and no threshold."""
        net = trained_like(scale=0.6)
        edited = random_histograms(12, seed=5)
        with torch.no_grad():
            original = calibrate.CalibratedCurveNet(net, 0.5)(edited)
        amount, threshold, table = self.fit_on(net, edited, original)
        self.assertAlmostEqual(amount, 0.5, delta=0.051)
        self.assertLessEqual(threshold, 0.005)
        self.assertTrue(table["kl_bar"]["chosen_meets_it"])
        meeting = [row for row in table["grid"] if row["kl"] <= calibrate.KL_BAR * table["edited"]["kl"]]
        self.assertEqual(table["chosen"]["w2"], min(row["w2"] for row in meeting))
        self.assertLess(table["chosen"]["kl"], table["as_trained"]["kl"])   # the overshoot cost KL too
        self.assertTrue(math.isfinite(table["edited"]["kl"]) and table["edited"]["kl"] > 0)

    def test_fit_learns_to_leave_unedited_photos_alone(self):
        """Half the pairs need the network's full correction, half (unedited) need none, and the
        network corrects both the same: a threshold is the only way to serve both."""
        net = trained_like(scale=0.4)
        needing = random_histograms(8, seed=7)
        with torch.no_grad():
            corrected = net(needing)
        good = random_histograms(8, seed=8)
        edited = torch.cat([needing, good])
        original = torch.cat([corrected, good])
        amount, threshold, table = self.fit_on(net, edited, original)
        self.assertEqual(table["unedited_pairs"], 8)
        self.assertGreater(threshold, 0.0)
        as_is = [r for r in table["grid"] if r["amount"] == 1.0 and r["threshold"] == 0.0][0]
        self.assertLess(table["chosen"]["w2"], as_is["w2"])
        chosen = [r for r in table["grid"] if r["amount"] == amount and r["threshold"] == threshold][0]
        self.assertLess(chosen["unedited_moved_w2"], 0.5 * as_is["unedited_moved_w2"])

    def needing_and_good(self, needing, good):
        """`needing` pairs whose originals are the network's full correction, `good` unedited ones."""
        net = trained_like(scale=0.4)
        edited = random_histograms(needing, seed=7)
        with torch.no_grad():
            corrected = net(edited)
        unedited = random_histograms(good, seed=8)
        return net, torch.cat([edited, unedited]), torch.cat([corrected, unedited])

    def test_fit_keeps_to_the_kl_bar_when_some_setting_meets_it(self):
        """10 pairs need the full correction, 6 none: the lowest weighted W2 (half the weight on the
        unedited) shrinks the correction so far that KL is over half the edited KL; the fit must
        take the best W2 among the settings that keep to the bar instead."""
        net, edited, original = self.needing_and_good(10, 6)
        amount, threshold, table = self.fit_on(net, edited, original)
        bar = calibrate.KL_BAR * table["edited"]["kl"]
        lowest_w2 = min(table["grid"], key=lambda row: row["w2"])
        self.assertGreater(lowest_w2["kl"], bar)                            # the bar really binds here
        meeting = [row for row in table["grid"] if row["kl"] <= bar]
        self.assertTrue(meeting)
        self.assertTrue(table["kl_bar"]["chosen_meets_it"])
        self.assertEqual(table["kl_bar"]["settings_meeting_it"], len(meeting))
        self.assertEqual(table["chosen"]["w2"], min(row["w2"] for row in meeting))
        self.assertLessEqual(table["chosen"]["kl"], bar)
        with torch.no_grad():   # the table's KL is the calibrated network's, measured as Java does
            measured = float(calibrate.java_kl(original, calibrate.CalibratedCurveNet(net, amount, threshold)(edited)).mean())
        self.assertAlmostEqual(table["chosen"]["kl"], measured, places=5)

    def test_fit_falls_back_to_the_lowest_w2_when_no_setting_meets_the_bar(self):
        net, edited, original = self.needing_and_good(9, 7)
        amount, threshold, table = self.fit_on(net, edited, original)
        self.assertFalse(table["kl_bar"]["chosen_meets_it"])
        self.assertEqual(table["kl_bar"]["settings_meeting_it"], 0)
        self.assertEqual(table["chosen"]["w2"], min(row["w2"] for row in table["grid"]))
        self.assertGreater(table["chosen"]["kl"], calibrate.KL_BAR * table["edited"]["kl"])


if __name__ == "__main__":
    unittest.main()
