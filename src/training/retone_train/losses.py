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


def gaussian_blur3d(h, sigma):
    """Separable Gaussian blur over the three colour axes (mass-preserving inside the cube)."""
    radius = max(1, int(math.ceil(2.5 * sigma)))
    x = torch.arange(-radius, radius + 1, dtype=h.dtype, device=h.device)
    k = torch.exp(-0.5 * (x / sigma) ** 2)
    k = k / k.sum()
    out = h
    for dim in range(3):
        shape = [1, 1, 1, 1, 1]
        shape[2 + dim] = k.numel()
        pad = [0, 0, 0, 0, 0, 0]
        pad[2 * (2 - dim)] = radius
        pad[2 * (2 - dim) + 1] = radius
        out = F.conv3d(F.pad(out, pad, mode="replicate"), k.view(shape))
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


def training_loss(target, predicted, sigma=1.5, plain_weight=0.25, w1_weight=10.0):
    """Smoothed KL (knows colour distance), plain KL (the seed's loss) and marginal transport cost."""
    return (smoothed_kl(target, predicted, sigma) + plain_weight * kl_divergence(target, predicted)
            + w1_weight * marginal_w1(target, predicted))
