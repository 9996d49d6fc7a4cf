"""The tone model: from a photo's histogram to three tone curves, learnt as what the pixels need.

What it predicts is each channel's quantile function of the original photo, as a shift of the
edited photo's own: d_c(q) = Q_original,c(q) − Q_edited,c(q) at K levels q = (k + ½)/K. Mapping
each channel of the edited photo by x → x + d_c(F_edited,c(x)) is then the per-channel optimal
transport onto the predicted original (the exact d gives the "per-channel curves" ceiling), and
the mean squared error of d over the levels is the mean squared error, in RGB, that the photo
would be left with by those curves — the loss is what users see, not a histogram divergence.

The model: `HistogramStats` (robust statistics) -> a tree ensemble (`forest.TreeEnsemble`) that
predicts the coefficients of d on a few principal components of the training shifts -> d ->
calibrated (shrunk, and left out when small: see `calibrate_shift`) -> curves at the bin edges ->
the input histogram pushed exactly through them (`model.pushforward`). The ONNX graph's output is
that histogram, as for every Retone model; the app recovers the curves from it by matching
each channel's marginal (the curve transfer) or transfers onto it in 3D (Pitié).
"""
import torch
from torch import nn

from .model import marginals, pushforward
from .stats import HistogramStats, quantiles

LEVELS_K = 32


def levels(k=LEVELS_K):
    return (torch.arange(k, dtype=torch.float32) + 0.5) / k


def quantile_shift(edited, original, k=LEVELS_K):
    """The training target: [N, 3, K] shift of each channel's quantiles from edited to original."""
    lv = levels(k)
    return quantiles(marginals(original), lv) - quantiles(marginals(edited), lv)


def calibrate_shift(shift, amount, threshold):
    """amount · max(0, 1 − threshold / size) · shift, size = RMS of the shift over channels and levels.

    Small corrections, which the model is least sure of, vanish; larger ones are kept, shrunk.
    """
    n = shift.shape[0]
    size = shift.reshape(n, -1).pow(2).mean(dim=1).sqrt()
    keep = (1.0 - threshold / (size + 1e-9)).clamp(min=0.0)
    return shift * (amount * keep).reshape([n] + [1] * (shift.dim() - 1))


def curves_from_shift(h, shift):
    """Per-channel curves at the B + 1 bin edges, [N, 3, B + 1], from a quantile shift [N, 3, K].

    The curve at edge x is x + d(F(x)), F the edited channel's cumulative histogram there
    (d interpolated linearly between levels, held beyond the first and last); sorted, so it is
    monotone, and clipped to [0, 1].
    """
    m = marginals(h)
    b = m.shape[-1]
    k = shift.shape[-1]
    cdf = torch.cat([torch.zeros_like(m[..., :1]), torch.cumsum(m, dim=-1)], dim=-1)   # F at the edges
    position = (cdf * k - 0.5).clamp(0.0, k - 1.0)
    lower = position.floor().clamp(max=k - 2).long()
    t = position - lower.to(position.dtype)
    d0 = torch.gather(shift, 2, lower)
    d1 = torch.gather(shift, 2, lower + 1)
    edges = torch.arange(b + 1, dtype=h.dtype, device=h.device) / b
    curve = (edges + d0 + t * (d1 - d0)).clamp(0.0, 1.0)
    return torch.sort(curve, dim=-1).values


class ToneModel(nn.Module):
    """histogram [N, 1, B, B, B] -> the histogram of the predicted original, through three tone curves."""

    def __init__(self, ensemble, components, mean_shift, bins=32, amount=1.0, threshold=0.0):
        super().__init__()
        self.stats = HistogramStats(bins)
        self.ensemble = ensemble
        self.register_buffer("components", torch.as_tensor(components, dtype=torch.float32))   # [P, 3K]
        self.register_buffer("mean_shift", torch.as_tensor(mean_shift, dtype=torch.float32))  # [3K]
        self.amount = float(amount)
        self.threshold = float(threshold)

    def raw_shift(self, h):
        n = h.shape[0]
        z = self.ensemble(self.stats(h))
        return (z @ self.components + self.mean_shift).reshape(n, 3, -1)

    def shift(self, h):
        return calibrate_shift(self.raw_shift(h), self.amount, self.threshold)

    def curves(self, h):
        return curves_from_shift(h, self.shift(h))

    def forward(self, h):
        return pushforward(h, self.curves(h))
