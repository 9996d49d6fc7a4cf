import math
import unittest

import torch

from retone_train import losses
from retone_train.model import EPS, HistoNet, parameter_count


def random_histograms(n, bins=32, seed=0):
    g = torch.Generator().manual_seed(seed)
    h = torch.rand(n, 1, bins, bins, bins, generator=g) ** 4
    return h / h.sum(dim=(1, 2, 3, 4), keepdim=True)


class ModelTest(unittest.TestCase):
    def test_shapes_and_normalisation(self):
        model = HistoNet(bins=32)
        with torch.no_grad():
            torch.nn.init.normal_(model.head.weight, std=0.1)  # a trained-like head
            out = model(random_histograms(3))
        self.assertEqual(tuple(out.shape), (3, 1, 32, 32, 32))
        self.assertTrue(torch.all(out >= 0))
        sums = out.sum(dim=(1, 2, 3, 4))
        self.assertTrue(torch.allclose(sums, torch.ones(3), atol=1e-5), sums)

    def test_untrained_network_leaves_the_histogram_alone(self):
        model = HistoNet(bins=32).eval()
        h = random_histograms(2, seed=1)
        with torch.no_grad():
            out = model(h)
        expected = (h + EPS) / (h + EPS).sum(dim=(1, 2, 3, 4), keepdim=True)
        self.assertTrue(torch.allclose(out, expected, atol=1e-7))

    def test_small_enough_for_a_cpu_and_the_size_limit(self):
        n = parameter_count(HistoNet(bins=32, width=12))
        self.assertLess(n, 2_500_000)  # about 4 bytes each: far under 10 MB
        self.assertGreater(n, 10_000)

    def test_other_bins(self):
        out = HistoNet(bins=8)(random_histograms(1, bins=8))
        self.assertEqual(tuple(out.shape), (1, 1, 8, 8, 8))
        with self.assertRaises(ValueError):
            HistoNet(bins=12)


class LossTest(unittest.TestCase):
    def test_kl_is_zero_for_equal_and_positive_otherwise(self):
        a = random_histograms(2, seed=2)
        b = random_histograms(2, seed=3)
        self.assertAlmostEqual(losses.kl_divergence(a, a).item(), 0.0, places=5)
        self.assertGreater(losses.kl_divergence(a, b).item(), 0.1)

    def test_blur_keeps_mass(self):
        h = random_histograms(2, seed=4)
        blurred = losses.gaussian_blur3d(h, 1.5)
        self.assertTrue(torch.allclose(blurred.sum(dim=(1, 2, 3, 4)), torch.ones(2), atol=1e-5))

    def test_blur_is_a_gaussian_with_replicated_edges_along_each_axis(self):
        """The blur by matrix products equals the direct sum sum_t k[t] h[clamp(i + t)] on each axis."""
        h = random_histograms(1, bins=8, seed=6)[0, 0].double()
        sigma = 1.5
        radius = math.ceil(2.5 * sigma)
        k = torch.exp(-0.5 * (torch.arange(-radius, radius + 1, dtype=torch.float64) / sigma) ** 2)
        k = k / k.sum()
        out = h
        for axis in range(3):
            moved = out.movedim(axis, 0)
            summed = torch.zeros_like(moved)
            for i in range(8):
                for t in range(-radius, radius + 1):
                    summed[i] += k[t + radius] * moved[min(max(i + t, 0), 7)]
            out = summed.movedim(0, axis)
        expected = out / out.sum()
        blurred = losses.gaussian_blur3d(h.reshape(1, 1, 8, 8, 8), sigma)[0, 0]
        self.assertTrue(torch.allclose(blurred, expected, atol=1e-12))
        self.assertGreater(float((blurred - h).abs().max()), 1e-3)   # it did blur

    def test_metric_kl_is_the_kl_retone_eval_reports(self):
        a = random_histograms(3, bins=8, seed=2)
        b = random_histograms(3, bins=8, seed=3)
        floor = 1e-6
        expected = 0.0
        for i in range(3):   # Histogram3D.klDivergence's loop, bin by bin
            for pa, pb in zip(a[i].reshape(-1).tolist(), b[i].reshape(-1).tolist()):
                pi, qi = (pa + floor) / (1 + floor * 512), (pb + floor) / (1 + floor * 512)
                expected += pi * math.log(pi / qi) / 3
        self.assertAlmostEqual(losses.metric_kl(a, b).item(), expected, places=4)
        self.assertAlmostEqual(losses.metric_kl(a, a).item(), 0.0, places=5)
        # adding it to the loss adds exactly its weight times it
        plain = losses.training_loss(a, b).item()
        self.assertAlmostEqual(losses.training_loss(a, b, metric_weight=0.5).item(),
                               plain + 0.5 * losses.metric_kl(a, b).item(), places=4)

    def test_loss_terms_have_their_weights_and_zero_skips_a_term(self):
        a = random_histograms(2, seed=2)
        b = random_histograms(2, seed=3)
        w1_only = losses.training_loss(a, b, smoothed_weight=0, plain_weight=0, w1_weight=10)
        self.assertAlmostEqual(w1_only.item(), 10 * losses.marginal_w1(a, b).item(), places=5)
        everything = losses.training_loss(a, b, smoothed_weight=2, plain_weight=0.5, w1_weight=3, metric_weight=0.1)
        expected = (2 * losses.smoothed_kl(a, b) + 0.5 * losses.kl_divergence(a, b) + 3 * losses.marginal_w1(a, b)
                    + 0.1 * losses.metric_kl(a, b))
        self.assertAlmostEqual(everything.item(), expected.item(), places=4)
        with self.assertRaises(ValueError):
            losses.training_loss(a, b, smoothed_weight=0, plain_weight=0, w1_weight=0)
        with self.assertRaises(TypeError):
            losses.training_loss(a, b, w2_weight=1)

    def test_describes_only_the_terms_in_use(self):
        self.assertEqual(losses.describe_loss(1.5),
                         "1 x KL on histograms blurred by sigma=1.5 bins + 0.25 x plain KL + 10 x marginal Wasserstein-1")
        self.assertEqual(losses.describe_loss(2, smoothed_weight=0, plain_weight=0, metric_weight=0.5),
                         "10 x marginal Wasserstein-1 + 0.5 x KL as `retone eval` measures it (floor 1e-6 per bin)")

    def test_smoothed_kl_knows_colour_distance(self):
        # one spike of mass, predicted one bin off or ten bins off: plain KL cannot tell them apart
        def spike(r):
            h = torch.full((1, 1, 32, 32, 32), 1e-9)
            h[0, 0, r, 16, 16] = 1.0
            return h / h.sum()
        target = spike(10)
        near, far = spike(11), spike(20)
        self.assertAlmostEqual(losses.kl_divergence(target, near).item(),
                               losses.kl_divergence(target, far).item(), places=3)
        self.assertLess(losses.smoothed_kl(target, near).item(), 0.2 * losses.smoothed_kl(target, far).item())

    def test_loss_trains_towards_the_target(self):
        from retone_train.model import CurveNet
        for make in (lambda: HistoNet(bins=8, width=4, dropout=0.0), lambda: CurveNet(bins=8, width=4, dropout=0.0)):
            torch.manual_seed(0)
            model = make()
            h = random_histograms(4, bins=8, seed=5)
            target = torch.roll(h, shifts=1, dims=2)  # every colour one bin redder
            target[:, :, 0] = 0
            target = target / target.sum(dim=(1, 2, 3, 4), keepdim=True)
            opt = torch.optim.Adam(model.parameters(), lr=1e-2)
            first = losses.training_loss(target, model(h)).item()
            for _ in range(150):
                loss = losses.training_loss(target, model(h))
                opt.zero_grad()
                loss.backward()
                opt.step()
            self.assertLess(loss.item(), 0.6 * first, type(model).__name__)


if __name__ == "__main__":
    unittest.main()
