"""Losses between normalised histograms [N, 1, B, B, B]."""
import math

import torch
import torch.nn.functional as F

TINY = 1e-8


def kl_divergence(target, predicted):
    """Mean over the batch of KL(target || predicted), in nats."""
    t = target.reshape(target.shape[0], -1)
    p = predicted.reshape(predicted.shape[0], -1)
    return (t * (torch.log(t + TINY) - torch.log(p + TINY))).sum(dim=1).mean()


def blur_matrix(bins, sigma, dtype=torch.float32, device=None):
    """[B, B] matrix of a 1D Gaussian blur with replicated edges: (K @ m)[i] = sum_t k[t] m[clamp(i + t)]."""
    radius = max(1, int(math.ceil(2.5 * sigma)))
    x = torch.arange(-radius, radius + 1, dtype=torch.float64)
    k = torch.exp(-0.5 * (x / sigma) ** 2)
    k = k / k.sum()
    rows = torch.arange(bins).unsqueeze(1)
    cols = (rows + torch.arange(-radius, radius + 1).unsqueeze(0)).clamp(0, bins - 1)   # [B, taps]
    matrix = torch.zeros(bins, bins, dtype=torch.float64)
    matrix.scatter_add_(1, cols, k.expand(bins, -1).contiguous())
    return matrix.to(dtype=dtype, device=device)


def gaussian_blur3d(h, sigma):
    """Separable Gaussian blur over the three colour axes (mass-preserving inside the cube).

    Edges are replicated; each axis is one matrix product (far faster on a CPU than a 3D convolution).
    """
    n, b = h.shape[0], h.shape[-1]
    k = blur_matrix(b, sigma, h.dtype, h.device)
    out = torch.matmul(k, h.reshape(n, b, b * b)).reshape(n, b, b, b)      # red
    out = torch.matmul(k, out)                                              # green
    out = torch.matmul(out.reshape(n, b * b, b), k.t()).reshape(n, 1, b, b, b)   # blue
    return out / out.sum(dim=(1, 2, 3, 4), keepdim=True)


def smoothed_kl(target, predicted, sigma=1.5):
    """KL on blurred histograms: mass off by a bin or two costs less than mass far away."""
    return kl_divergence(gaussian_blur3d(target, sigma), gaussian_blur3d(predicted, sigma))


def marginal_w1(target, predicted):
    """Mean over channels of the 1D Wasserstein-1 distance between marginals, in units of the range."""
    def cdfs(h):
        g = h.reshape(h.shape[0], *h.shape[-3:])
        m = torch.stack([g.sum(dim=(2, 3)), g.sum(dim=(1, 3)), g.sum(dim=(1, 2))], dim=1)
        return torch.cumsum(m, dim=2)
    bins = target.shape[-1]
    return (cdfs(target) - cdfs(predicted)).abs().sum(dim=2).mean() / bins


def metric_kl(target, predicted, floor=1e-6):
    """Mean KL(target || predicted) as `retone eval` measures it: a floor added to every bin of both.

    The same formula as Histogram3D.klDivergence (and calibrate.java_kl), differentiable, in float32.
    """
    n = target.shape[0]
    t = target.reshape(n, -1)
    p = predicted.reshape(n, -1)
    norm = 1 + floor * t.shape[1]
    t = (t + floor) / norm
    p = (p + floor) / norm
    return (t * (torch.log(t) - torch.log(p))).sum(dim=1).mean()


def training_loss(target, predicted, sigma=1.5, plain_weight=0.25, w1_weight=10.0, metric_weight=0.0,
                  smoothed_weight=1.0):
    """Smoothed KL (knows colour distance), plain KL (the seed's loss), marginal transport cost and
    the KL exactly as the evaluation measures it, each with its weight (terms of weight 0 are skipped)."""
    terms = [(smoothed_weight, lambda: smoothed_kl(target, predicted, sigma)),
             (plain_weight, lambda: kl_divergence(target, predicted)),
             (w1_weight, lambda: marginal_w1(target, predicted)),
             (metric_weight, lambda: metric_kl(target, predicted))]
    used = [weight * term() for weight, term in terms if weight]
    if not used:
        raise ValueError("every term of the loss has weight 0")
    return sum(used)
