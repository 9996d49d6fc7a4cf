"""Robust statistics of a 32³ colour histogram, computed with ops ONNX Runtime runs.

The tone model (tone.py) never sees pixels: everything it knows about a photo is in these
numbers, all derived from the histogram the app computes:

- each channel's quantiles and the luminance's, at 15 levels from 0.5 % to 99.5 %;
- mean, standard deviation and correlation of R, G, B;
- per luminance quarter, its mass and its mean log-chroma (log R/G, log B/G): a colour cast is a
  translation in log-chroma, and where it shows (shadows, highlights) tells a cast from content;
- per 30° hue sector, the mass of chromatic colours there and their mean saturation;
- the mass in each channel's first and last bin (clipping);
- how spread and how smooth the colours are: the entropy of the 3D histogram and of each channel,
  the share of bins in use, and each channel's total variation (noise fills bins and smooths the
  spikes a camera's or an encoder's histogram has);
- each channel's cumulative histogram at the 32 bin edges.

`quantiles` is also how the model reads the edited photo's tone curve positions and how the
trainer reads the original's, so training and the exported graph share one definition.
"""
import torch
from torch import nn

from .model import marginals

LEVELS = (0.001, 0.005, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.995, 0.999)
COARSE = 16          # the histogram is summed to 16³ for the weighted statistics (smaller matrices)
LUMA_BUCKETS = 32
HUE_SECTORS = 12
CHROMATIC = 0.08     # saturation above which a colour counts for its hue sector


def quantiles(masses, levels):
    """Quantiles of 1D histograms, each bin's mass spread evenly over its width.

    masses: [N, C, b] (rows sum to 1); levels: [L] in (0, 1). Returns [N, C, L] positions in
    [0, 1] units (bin j covers [j/b, (j+1)/b)).
    """
    b = masses.shape[-1]
    cdf = torch.cumsum(masses, dim=-1)
    below = cdf - masses
    lv = levels.reshape(1, 1, 1, -1)
    index = (cdf.unsqueeze(-1) <= lv).to(masses.dtype).sum(dim=-2).clamp(max=b - 1).long()   # [N, C, L]
    start = torch.gather(below, 2, index)
    mass = torch.gather(masses, 2, index)
    within = ((lv.squeeze(2) - start) / (mass + 1e-9)).clamp(0.0, 1.0)
    return (index.to(masses.dtype) + within) / b


def _weights():
    """The linear statistics as one [16³, K] matrix over the coarse histogram's bin centres."""
    c = (torch.arange(COARSE, dtype=torch.float64) + 0.5) / COARSE
    r, g, b = (t.reshape(-1) for t in torch.meshgrid(c, c, c, indexing="ij"))
    luma = 0.299 * r + 0.587 * g + 0.114 * b
    columns = []
    bucket = (luma * LUMA_BUCKETS).floor().clamp(max=LUMA_BUCKETS - 1)
    columns += [(bucket == j).double() for j in range(LUMA_BUCKETS)]
    columns += [r, g, b, r * r, g * g, b * b, r * g, r * b, g * b]
    log_rg = torch.log((r + 0.02) / (g + 0.02))
    log_bg = torch.log((b + 0.02) / (g + 0.02))
    for lo, hi in ((0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.01)):
        w = ((luma >= lo) & (luma < hi)).double()
        columns += [w, w * log_rg, w * log_bg]
    top = torch.maximum(r, torch.maximum(g, b))
    bottom = torch.minimum(r, torch.minimum(g, b))
    chroma = (top - bottom).clamp(min=1e-9)
    saturation = (top - bottom) / top
    hue = torch.where(r == top, (g - b) / chroma, torch.where(g == top, 2 + (b - r) / chroma, 4 + (r - g) / chroma))
    sector = (torch.remainder(hue / 6, 1.0) * HUE_SECTORS).floor().clamp(max=HUE_SECTORS - 1)
    chromatic = (saturation > CHROMATIC).double()
    for j in range(HUE_SECTORS):
        w = (sector == j).double() * chromatic
        columns += [w, w * saturation]
    return torch.stack(columns, dim=1).float()


NAMES = ([f"{ch}_q{lv:g}" for ch in "rgb" for lv in LEVELS] + [f"luma_q{lv:g}" for lv in LEVELS]
         + [f"mean_{ch}" for ch in "rgb"] + [f"std_{ch}" for ch in "rgb"] + ["corr_rg", "corr_rb", "corr_gb"]
         + [f"mass_luma{k}" for k in range(4)]
         + [f"luma{k}_{what}" for k in range(4) for what in ("log_rg", "log_bg")]
         + [f"hue{j}_mass" for j in range(HUE_SECTORS)] + [f"hue{j}_saturation" for j in range(HUE_SECTORS)]
         + [f"{ch}_{end}" for end in ("black", "white") for ch in "rgb"]
         + ["entropy_3d", "bins_in_use"] + [f"entropy_{ch}" for ch in "rgb"] + [f"variation_{ch}" for ch in "rgb"]
         + [f"{ch}_cdf{j}" for ch in "rgb" for j in range(1, 33)])


class HistogramStats(nn.Module):
    """[N, 1, B, B, B] normalised histograms -> [N, len(NAMES)] statistics."""

    def __init__(self, bins=32):
        super().__init__()
        if bins % COARSE != 0:
            raise ValueError(f"bins must be a multiple of {COARSE}")
        self.bins = bins
        self.register_buffer("weights", _weights())
        self.register_buffer("levels", torch.tensor(LEVELS, dtype=torch.float32))

    def forward(self, h):
        n = h.shape[0]
        b = self.bins
        f = b // COARSE
        m = marginals(h)
        channel_q = quantiles(m, self.levels).reshape(n, -1)
        coarse = h.reshape(n, COARSE, f, COARSE, f, COARSE, f).sum(dim=(2, 4, 6)).reshape(n, -1)
        s = coarse @ self.weights
        k = LUMA_BUCKETS
        luma_q = quantiles(s[:, :k].unsqueeze(1), self.levels).reshape(n, -1)
        moments = s[:, k:k + 9]
        mean = moments[:, 0:3]
        std = (moments[:, 3:6] - mean ** 2).clamp(min=1e-6).sqrt()
        pairs = ((0, 1), (0, 2), (1, 2))
        corr = torch.stack([(moments[:, 6 + i] - mean[:, a] * mean[:, c]) / (std[:, a] * std[:, c])
                            for i, (a, c) in enumerate(pairs)], dim=1)
        strata = s[:, k + 9:k + 21].reshape(n, 4, 3)
        strata_mass = strata[:, :, 0]
        strata_chroma = (strata[:, :, 1:] / (strata_mass.unsqueeze(-1) + 1e-3)).reshape(n, -1)
        hues = s[:, k + 21:k + 21 + 2 * HUE_SECTORS].reshape(n, HUE_SECTORS, 2)
        hue_mass = hues[:, :, 0]
        hue_saturation = hues[:, :, 1] / (hue_mass + 1e-3)
        clipped = torch.cat([m[:, :, 0], m[:, :, -1]], dim=1)
        flat = h.reshape(n, -1)
        entropy = -(flat * torch.log(flat + 1e-12)).sum(dim=1, keepdim=True)
        in_use = (flat > 1e-6).to(h.dtype).mean(dim=1, keepdim=True)
        channel_entropy = -(m * torch.log(m + 1e-12)).sum(dim=2)
        variation = (m[:, :, 1:] - m[:, :, :-1]).abs().sum(dim=2)
        cdf = torch.cumsum(m, dim=2).reshape(n, -1)
        return torch.cat([channel_q, luma_q, mean, std, corr, strata_mass, strata_chroma, hue_mass, hue_saturation,
                          clipped, entropy, in_use, channel_entropy, variation, cdf], dim=1)
