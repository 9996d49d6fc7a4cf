"""Losses between normalised histograms [N, 1, B, B, B]."""
import math

import torch

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


EVAL_KL_FLOOR = 1e-6    # Histogram3D.klDivergence's floor per bin: what `retone eval` reports


def floored_kl(target, predicted, floor=EVAL_KL_FLOOR):
    """Per-sample KL(target || predicted) as Histogram3D.klDivergence computes it: the floor is added
    to every bin of both, which are then renormalised. In the inputs' dtype, differentiable."""
    n = target.shape[0]
    t = target.reshape(n, -1)
    p = predicted.reshape(n, -1)
    norm = 1 + floor * t.shape[1]
    t = (t + floor) / norm
    p = (p + floor) / norm
    return (t * (torch.log(t) - torch.log(p))).sum(dim=1).clamp(min=0)


def metric_kl(target, predicted):
    """Mean over the batch of the KL `retone eval` reports (`floored_kl`)."""
    return floored_kl(target, predicted).mean()


# the loss's terms, with their weights' names and defaults; training_loss and describe_loss read them
TERMS = (
    ("smoothed_weight", 1.0, lambda sigma: f"KL on histograms blurred by sigma={sigma:g} bins",
     lambda t, p, sigma: smoothed_kl(t, p, sigma)),
    ("plain_weight", 0.25, lambda sigma: "plain KL", lambda t, p, sigma: kl_divergence(t, p)),
    ("w1_weight", 10.0, lambda sigma: "marginal Wasserstein-1", lambda t, p, sigma: marginal_w1(t, p)),
    ("metric_weight", 0.0, lambda sigma: "KL as `retone eval` measures it (floor 1e-6 per bin)",
     lambda t, p, sigma: metric_kl(t, p)),
)
DEFAULT_WEIGHTS = {name: default for name, default, _, _ in TERMS}


def _weights(given):
    unknown = set(given) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise TypeError(f"unknown loss weights: {sorted(unknown)}")
    weights = {**DEFAULT_WEIGHTS, **given}
    if not any(weights.values()):
        raise ValueError("every term of the loss has weight 0")
    return weights


def training_loss(target, predicted, sigma=1.5, **weights):
    """Smoothed KL (knows colour distance), plain KL (the seed's loss), marginal transport cost and
    the KL exactly as the evaluation measures it, each with its weight (`TERMS`; weight 0 skips a term)."""
    w = _weights(weights)
    return sum(w[name] * term(target, predicted, sigma) for name, _, _, term in TERMS if w[name])


def describe_loss(sigma=1.5, **weights):
    """The loss training_loss computes with these weights, in words (for the model card)."""
    w = _weights(weights)
    return " + ".join(f"{w[name]:g} x {describe(sigma)}" for name, _, describe, _ in TERMS if w[name])
