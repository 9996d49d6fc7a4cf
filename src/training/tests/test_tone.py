"""The tone model: statistics, trees evaluated in torch, quantile shifts and their curves, the
calibration, and train_tone.py end to end on a small generated dataset."""
import json
import os
import sys
import tempfile
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import train_tone  # noqa: E402
from retone_train import data, forest, stats, tone  # noqa: E402
from retone_train.calibrate import java_kl  # noqa: E402
from retone_train.model import marginals, pushforward  # noqa: E402
from tests.test_curves import histogram_of  # noqa: E402


def edited_values(values):
    """A per-channel edit: gamma on red, contrast down on green, spill on blue."""
    return np.stack([values[:, 0] ** 0.6, 0.2 + 0.6 * values[:, 1], np.minimum(values[:, 2] * 1.3, 0.999)], axis=1)


class QuantilesTest(unittest.TestCase):
    def test_quantiles_of_a_uniform_histogram_are_the_levels(self):
        m = torch.full((1, 1, 32), 1 / 32)
        levels = torch.tensor([0.01, 0.25, 0.5, 0.9])
        np.testing.assert_allclose(stats.quantiles(m, levels)[0, 0].numpy(), levels.numpy(), atol=1e-6)

    def test_mass_in_one_bin_is_spread_over_its_width(self):
        m = torch.zeros(1, 1, 32)
        m[0, 0, 8] = 1.0                                    # all of it in [8/32, 9/32)
        q = stats.quantiles(m, torch.tensor([0.0001, 0.5, 0.9999]))[0, 0].numpy()
        np.testing.assert_allclose(q, [8 / 32, 8.5 / 32, 9 / 32], atol=1e-4)


class HistogramStatsTest(unittest.TestCase):
    def test_names_match_the_values_and_a_grey_photo_reads_as_grey(self):
        rng = np.random.default_rng(1)
        v = rng.beta(2.0, 2.0, size=100_000)
        grey = histogram_of(np.stack([v, v, v], axis=1), 32)
        s = stats.HistogramStats(32)(grey)[0].numpy()
        self.assertEqual(len(stats.NAMES), len(s))
        named = dict(zip(stats.NAMES, s))
        self.assertAlmostEqual(named["mean_r"], named["mean_b"], places=5)
        self.assertAlmostEqual(named["corr_rg"], 1.0, places=3)
        for k in range(4):                                   # no cast anywhere
            self.assertAlmostEqual(named[f"luma{k}_log_rg"], 0.0, places=4)
        self.assertAlmostEqual(float(sum(named[f"hue{j}_mass"] for j in range(12))), 0.0, places=6)

    def test_a_warm_cast_shows_in_log_chroma_and_noise_raises_entropy(self):
        rng = np.random.default_rng(2)
        v = rng.beta(2.0, 3.0, size=(100_000, 3))
        plain = histogram_of(v, 32)
        warm = histogram_of(np.stack([np.minimum(v[:, 0] * 1.2, 0.999), v[:, 1], v[:, 2] * 0.8], axis=1), 32)
        # a photo with few distinct colours (flat areas), and the same blended with 10 % uniform noise
        flat = np.floor(v * 6) / 6 + 1 / 12
        posterised = histogram_of(flat, 32)
        noisy = histogram_of(np.clip(0.9 * flat + 0.1 * rng.random(v.shape), 0, 0.999), 32)
        f = stats.HistogramStats(32)
        a, b, c, d = (dict(zip(stats.NAMES, f(h)[0].numpy())) for h in (plain, warm, noisy, posterised))
        for k in range(1, 4):
            self.assertGreater(b[f"luma{k}_log_rg"], a[f"luma{k}_log_rg"] + 0.05)
            self.assertLess(b[f"luma{k}_log_bg"], a[f"luma{k}_log_bg"] - 0.05)
        self.assertGreater(c["entropy_3d"], d["entropy_3d"] + 1)
        self.assertGreater(c["bins_in_use"], 3 * d["bins_in_use"])
        for ch in "rgb":
            self.assertLess(c[f"variation_{ch}"], d[f"variation_{ch}"])


class TreeEnsembleTest(unittest.TestCase):
    def test_answers_what_scikit_learn_answers(self):
        from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor
        rng = np.random.default_rng(0)
        x = rng.normal(size=(1500, 12)).astype(np.float32)
        y = np.stack([2 * x[:, 0] + np.sin(x[:, 1]), x[:, 2] ** 2 - x[:, 3]], axis=1)
        test = rng.normal(size=(400, 12)).astype(np.float32)
        for kind in (ExtraTreesRegressor, RandomForestRegressor):
            fitted = kind(n_estimators=15, min_samples_leaf=4, random_state=0).fit(x, y)
            ours = forest.from_sklearn_forest(fitted, 12)(torch.from_numpy(test)).numpy()
            np.testing.assert_allclose(ours, fitted.predict(test), atol=1e-5, err_msg=kind.__name__)

    def test_boosted_trees_answer_what_scikit_learn_answers_and_average_means(self):
        from sklearn.ensemble import ExtraTreesRegressor, HistGradientBoostingRegressor
        rng = np.random.default_rng(3)
        x = rng.normal(size=(2000, 8)).astype(np.float32)
        y = np.stack([np.abs(x[:, 0]) + x[:, 1], np.cos(x[:, 2]) * x[:, 3], x[:, 4] > 0], axis=1).astype(np.float64)
        test = rng.normal(size=(300, 8)).astype(np.float32)
        boosted = [HistGradientBoostingRegressor(max_iter=40, max_leaf_nodes=9, random_state=0).fit(x, y[:, k])
                   for k in range(3)]
        ours = forest.from_sklearn_boosting(boosted, 8)
        theirs = np.stack([m.predict(test) for m in boosted], axis=1)
        np.testing.assert_allclose(ours(torch.from_numpy(test)).numpy(), theirs, atol=1e-5)
        randomised = ExtraTreesRegressor(n_estimators=5, random_state=0).fit(x, y)
        mean = forest.Average(ours, forest.from_sklearn_forest(randomised, 8))(torch.from_numpy(test)).numpy()
        np.testing.assert_allclose(mean, (theirs + randomised.predict(test)) / 2, atol=1e-5)
        weighted = forest.Average(ours, forest.from_sklearn_forest(randomised, 8), weights=[0.8, 0.2])
        np.testing.assert_allclose(weighted(torch.from_numpy(test)).numpy(),
                                   0.8 * theirs + 0.2 * randomised.predict(test), atol=1e-5)
        with self.assertRaises(ValueError):
            forest.Average(ours, ours, weights=[0.5, 0.6])

    def test_refuses_a_tree_that_splits_on_a_missing_feature(self):
        from sklearn.ensemble import ExtraTreesRegressor
        rng = np.random.default_rng(0)
        x = rng.normal(size=(200, 5))
        fitted = ExtraTreesRegressor(n_estimators=3, random_state=0).fit(x, x[:, 4])
        with self.assertRaises(ValueError):
            forest.from_sklearn_forest(fitted, 3)


class QuantileShiftTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(4)
        values = rng.beta(2.0, 3.0, size=(200_000, 3))
        self.original = histogram_of(values, 32)
        self.edited = histogram_of(edited_values(values), 32)

    def test_the_true_shift_undoes_a_per_channel_edit(self):
        shift = tone.quantile_shift(self.edited, self.original)
        undone = pushforward(self.edited, tone.curves_from_shift(self.edited, shift))
        before = float(java_kl(self.original, self.edited)[0])
        after = float(java_kl(self.original, undone)[0])
        self.assertLess(after, 0.1 * before, f"KL {before:.3f} -> {after:.3f}")
        error = (marginals(undone) - marginals(self.original)).abs().sum(dim=2).max()
        self.assertLess(float(error), 0.05)

    def test_no_shift_is_the_identity_and_curves_are_monotone(self):
        self.assertLess(float(tone.quantile_shift(self.original, self.original).abs().max()), 1e-6)
        zero = torch.zeros(1, 3, tone.LEVELS_K)
        curves = tone.curves_from_shift(self.edited, zero)
        np.testing.assert_allclose(curves[0, 0].numpy(), np.arange(33) / 32, atol=1e-6)
        wild = torch.randn(1, 3, tone.LEVELS_K, generator=torch.Generator().manual_seed(1)) * 0.3
        curves = tone.curves_from_shift(self.edited, wild)
        self.assertTrue(bool((curves[..., 1:] >= curves[..., :-1]).all()))
        self.assertTrue(bool(((curves >= 0) & (curves <= 1)).all()))

    def test_calibration_keeps_large_shifts_shrunk_and_drops_small_ones(self):
        shift = torch.stack([torch.full((3, tone.LEVELS_K), 0.002), torch.full((3, tone.LEVELS_K), 0.1)])
        out = tone.calibrate_shift(shift, 0.8, 0.01)
        self.assertEqual(0.0, float(out[0].abs().max()))
        np.testing.assert_allclose(out[1].numpy(), 0.8 * (1 - 0.01 / 0.1) * 0.1, rtol=1e-5)


class TrainToneTest(unittest.TestCase):
    def test_psnr_calibration_counts_every_pair_alike_and_respects_the_originals(self):
        rng = np.random.default_rng(5)
        target = rng.normal(0, 0.08, size=(200, 96)).astype(np.float32)
        raw = (target + rng.normal(0, 0.05, size=target.shape)).astype(np.float32)
        originals = rng.normal(0, 0.03, size=(40, 96)).astype(np.float32)
        for criterion in ("rms", "psnr"):
            amount, threshold, grid = train_tone.calibrate(raw, target, originals, 2.0 * 255 * 0.03, criterion)
            chosen = [g for g in grid if g[0] == amount and g[1] == threshold][0]
            allowed = [g for g in grid if g[3] <= 2.0 * 255 * 0.03]
            if criterion == "psnr":
                self.assertEqual(max(g[4] for g in allowed), chosen[4])
            else:
                self.assertEqual(min(g[2] for g in allowed), chosen[2])
            self.assertGreater(chosen[4], 0.0)     # the noisy shift still beats doing nothing

    def test_calibration_over_families_holds_each_to_its_closer_share(self):
        rng = np.random.default_rng(6)
        # two families: the first's shifts well predicted, the second's barely; originals a little off
        t1 = rng.normal(0, 0.08, size=(150, 96)).astype(np.float32)
        t2 = rng.normal(0, 0.03, size=(150, 96)).astype(np.float32)
        raw = np.concatenate([t1 + rng.normal(0, 0.02, size=t1.shape), t2 + rng.normal(0, 0.04, size=t2.shape)])
        raw = raw.astype(np.float32)
        target = np.concatenate([t1, t2])
        groups = np.repeat([0, 1], 150)
        originals = rng.normal(0, 0.01, size=(40, 96)).astype(np.float32)
        free = train_tone.calibrate(raw, target, originals, 255.0, "psnr", groups)
        held = train_tone.calibrate(raw, target, originals, 255.0, "psnr", groups, min_closer=0.6)
        row = lambda result: [g for g in result[2] if g[0] == result[0] and g[1] == result[1]][0]
        self.assertGreaterEqual(row(held)[5], 0.6)             # each family: at least 60 % brought closer
        self.assertLessEqual(row(held)[4], row(free)[4])       # bought with some of the mean PSNR proxy gain, or none
        allowed = [g for g in held[2] if g[5] >= 0.6]
        self.assertEqual(max(g[4] for g in allowed), row(held)[4])
        # the closer share is the least family's: the second's, whose shifts are mostly noise
        for amount, threshold, _, _, _, least in held[2][:5]:
            cal = tone.calibrate_shift(torch.from_numpy(raw), amount, threshold).numpy()
            self.assertAlmostEqual(least, min(train_tone.closer_share(cal[:150], t1), train_tone.closer_share(cal[150:], t2)))

    def test_fits_calibrates_and_exports_a_model_with_its_card(self):
        rng = np.random.default_rng(7)
        with tempfile.TemporaryDirectory() as tmp:
            def pairs(count):
                out = []
                for _ in range(count):
                    a, b = rng.uniform(1.5, 4.0, size=2)
                    values = rng.beta(a, b, size=(20_000, 3))
                    out.append((histogram_of(edited_values(values), 32)[0, 0].numpy(),
                                histogram_of(values, 32)[0, 0].numpy()))
                return out
            train_path = os.path.join(tmp, "train.rthd")
            val_path = os.path.join(tmp, "val.rthd")
            data.write(train_path, 32, pairs(60))
            data.write(val_path, 32, pairs(12))
            out = os.path.join(tmp, "tone")
            model = train_tone.main(["--train", train_path, "--val", val_path, "--out", out, "--trees", "8",
                                     "--min-leaf", "2", "--components", "6"])
            # the boosted trees alone, two bootstrapped bags, calibrated for the PSNR proxy, from two training files
            boosted = train_tone.main(["--train", train_path, train_path, "--val", val_path, "--out", out + "-b",
                                       "--trees", "0", "--boosted-rounds", "20", "--boosted-bags", "2",
                                       "--boosted-bootstrap", "--calibrate-for", "psnr", "--components", "6",
                                       "--jobs", "1"])
            self.assertEqual(2, len(boosted.ensemble.models))
            # the fitted trees saved, then calibrated again on two validation files without fitting
            fit_path = os.path.join(tmp, "fit.pt")
            saved = train_tone.main(["--train", train_path, "--val", val_path, "--out", out + "-s", "--trees", "0",
                                     "--boosted-rounds", "10", "--components", "6", "--save-fit", fit_path])
            again = train_tone.main(["--train", train_path, "--val", val_path, val_path, "--out", out + "-l", "--trees",
                                     "0", "--boosted-rounds", "10", "--components", "6", "--load-fit", fit_path,
                                     "--min-closer", "0.5"])
            h = torch.from_numpy(data.HistogramPairs(val_path).batch(np.arange(4))[0])
            with torch.no_grad():
                np.testing.assert_allclose(saved.raw_shift(h).numpy(), again.raw_shift(h).numpy(), atol=1e-6)
            with open(out + "-l.json", encoding="utf-8") as f:
                card_l = json.load(f)
            self.assertEqual(2, len(card_l["training"]["val_files"]))
            self.assertEqual(0.5, card_l["calibration"]["min_closer"])
            with open(out + "-b.json", encoding="utf-8") as f:
                self.assertEqual("psnr", json.load(f)["calibration"]["criterion"])
            with open(out + ".json", encoding="utf-8") as f:
                card = json.load(f)
            self.assertTrue(os.path.getsize(out + ".onnx") > 0)
            self.assertEqual("histogram", card["input"]["name"])
            self.assertEqual("target", card["output"]["name"])
            self.assertEqual(len(stats.NAMES), len(card["statistics"]))
            figures = card["validation"]["rms_shift_error_levels"]
            # one edit for all pairs: trees learn it, and the calibrated shift beats doing nothing
            self.assertLess(figures["calibrated"], 0.5 * figures["edited"], figures)
            reference = train_tone.export.reference_sample(model, train_tone.export.reference_input(32))
            self.assertEqual(train_tone.export.reference_output(reference), card["reference_output"])
            self.assertAlmostEqual(1.0, float(reference.sum()), places=4)


if __name__ == "__main__":
    unittest.main()
