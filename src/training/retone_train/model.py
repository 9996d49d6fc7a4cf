"""Networks from a colour histogram to the histogram a good edit would have, designed for a CPU
(the first layer already halves the resolution, 32³ -> 16³).

- CurveNet (shipped as histonet-v1): encoder + marginals -> three tone curves; the output is the
  input pushed exactly through them (`pushforward`).
- RefinedCurveNet: CurveNet, then a small U-Net that reweights the result within bounds.
- HistoNet: a plain 3D U-Net with a softmax over the bins (overfits and predicts diffuse
  histograms; kept for comparison).
All three leave the histogram as it is when untrained.
"""
import math

import torch
from torch import nn
import torch.nn.functional as F

EPS = 1e-5


def _conv(cin, cout, k=3):
    return nn.Conv3d(cin, cout, k, padding=k // 2)


class HistoNet(nn.Module):
    def __init__(self, bins=32, width=8, dropout=0.1):
        super().__init__()
        if bins % 8 != 0:
            raise ValueError("bins must be a multiple of 8")
        self.bins = bins
        w = width
        axis = torch.linspace(-1.0, 1.0, bins)
        r, g, b = torch.meshgrid(axis, axis, axis, indexing="ij")
        # where each bin is in the colour cube: lets the network treat shadows and highlights,
        # or a colour and its complement, differently
        self.register_buffer("coords", torch.stack([r, g, b]).unsqueeze(0))
        self.stem = nn.Conv3d(4, w, 2, stride=2)                 # 32 -> 16, non-overlapping: cheap
        self.enc1 = _conv(w, w)
        self.down2 = nn.Conv3d(w, 2 * w, 2, stride=2)            # 16 -> 8
        self.enc2a = _conv(2 * w, 2 * w)
        self.enc2b = _conv(2 * w, 2 * w)
        self.down3 = nn.Conv3d(2 * w, 4 * w, 2, stride=2)        # 8 -> 4
        self.mid_a = _conv(4 * w, 4 * w)
        self.mid_b = _conv(4 * w, 4 * w)
        self.context = nn.Sequential(nn.Linear(4 * w, 4 * w), nn.LeakyReLU(0.1), nn.Linear(4 * w, 4 * w))
        self.up3 = nn.ConvTranspose3d(4 * w, 2 * w, 2, stride=2)  # 4 -> 8
        self.dec2 = _conv(4 * w, 2 * w)
        self.up2 = nn.ConvTranspose3d(2 * w, w, 2, stride=2)      # 8 -> 16
        self.dec1a = _conv(2 * w, w, 1)
        self.dec1b = _conv(w, w)
        self.up1 = nn.ConvTranspose3d(w, 4, 2, stride=2)          # 16 -> 32
        self.head = _conv(8, 1)
        self.drop = nn.Dropout3d(dropout) if dropout > 0 else nn.Identity()
        nn.init.zeros_(self.head.weight)
        nn.init.zeros_(self.head.bias)

    def forward(self, h):
        act = lambda t: F.leaky_relu(t, 0.1)  # noqa: E731
        n = h.shape[0]
        cells = self.bins ** 3
        density = torch.log1p(h * cells)                       # ~0 for empty bins, ~1 for average ones
        x0 = torch.cat([density, self.coords.expand(n, -1, -1, -1, -1)], dim=1)
        e1 = act(self.enc1(act(self.stem(x0))))
        e2 = act(self.enc2b(self.drop(act(self.enc2a(act(self.down2(e1)))))))
        m = act(self.mid_b(self.drop(act(self.mid_a(act(self.down3(e2)))))))
        m = m + self.context(m.mean(dim=(2, 3, 4))).view(n, -1, 1, 1, 1)
        d2 = act(self.dec2(torch.cat([act(self.up3(m)), e2], dim=1)))
        d1 = act(self.dec1b(act(self.dec1a(torch.cat([act(self.up2(d2)), e1], dim=1)))))
        u = act(self.up1(d1))
        delta = self.head(torch.cat([u, x0], dim=1))
        logits = torch.log(h + EPS) + delta
        return torch.softmax(logits.reshape(n, -1), dim=1).reshape(n, 1, self.bins, self.bins, self.bins)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def bin_shares(curves, bins):
    """How each source bin's mass spreads over the output bins under per-channel monotone curves.

    curves: [N, C, B + 1] values at the bin edges (in [0, 1] units). Each source bin's mass is
    spread uniformly over the image of the bin, so a steep curve never leaves gaps (comb).
    Returns [N, C, B(src), B(dst)], rows summing to 1 (values outside the range land in the end bins).
    """
    edges = torch.arange(1, bins, dtype=curves.dtype, device=curves.device)   # interior output edges 1..B-1
    lo = curves[..., :-1] * bins                                              # [N, C, B] image of each source bin
    hi = curves[..., 1:] * bins
    width = (hi - lo).clamp(min=1e-3)
    frac = ((edges - lo.unsqueeze(-1)) / width.unsqueeze(-1)).clamp(0.0, 1.0)  # [N, C, B, B-1]
    cdf = torch.cat([torch.zeros_like(frac[..., :1]), frac, torch.ones_like(frac[..., :1])], dim=-1)
    return cdf[..., 1:] - cdf[..., :-1]


def pushforward(h, curves):
    """Moves histogram mass through per-channel monotone curves, exactly and differentiably.

    h: [N, 1, B, B, B] normalised; curves: [N, 3, B + 1] values of each channel's curve at the
    B + 1 bin edges (increasing, in [0, 1] units; values outside are clipped into the end bins).
    Each source bin's mass is spread uniformly over the image of the bin (`bin_shares`).
    Returns [N, 1, B, B, B], still normalised.
    """
    n, _, b, _, _ = h.shape
    shares = bin_shares(curves, b)                                       # [N, 3, B(src), B(dst)]
    out = h.reshape(n, b, b, b)
    for axis in range(3):
        # move the axis being mapped to the front, map it, move it back
        moved = out.movedim(1 + axis, 1).reshape(n, b, b * b)            # [N, B(src), B*B]
        mapped = torch.bmm(shares[:, axis].transpose(1, 2), moved)       # [N, B(dst), B*B]
        out = mapped.reshape(n, b, b, b).movedim(1, 1 + axis)
    return out.unsqueeze(1)


def marginals(h):
    """Per-channel marginals [N, 3, B] of histograms [N, 1, B, B, B]."""
    g = h.reshape(h.shape[0], *h.shape[-3:])
    return torch.stack([g.sum(dim=(2, 3)), g.sum(dim=(1, 3)), g.sum(dim=(1, 2))], dim=1)


class CurveNet(nn.Module):
    """From a histogram to the histogram of a better edit, through three smooth tone curves.

    A small 3D convolutional encoder (downsampling early: 32³ -> 16³ -> 8³ -> 4³) and the
    per-channel cumulative marginals feed an MLP that predicts one monotone curve per channel,
    each a smooth combination of a few cosine modes. The output is the input histogram pushed
    through those curves (`pushforward`): it cannot invent colours the photo does not have, and
    with all weights of the last layer at zero it is exactly the input.
    """

    def __init__(self, bins=32, width=8, modes=8, hidden=96, dropout=0.2):
        super().__init__()
        if bins % 8 != 0:
            raise ValueError("bins must be a multiple of 8")
        self.bins = bins
        self.modes = modes
        w = width
        self.encoder = nn.Sequential(
            nn.Conv3d(1, w, 2, stride=2), nn.LeakyReLU(0.1),             # 32 -> 16
            nn.Conv3d(w, 2 * w, 2, stride=2), nn.LeakyReLU(0.1),         # 16 -> 8
            nn.Conv3d(2 * w, 2 * w, 3, padding=1), nn.LeakyReLU(0.1),
            nn.Conv3d(2 * w, 4 * w, 2, stride=2), nn.LeakyReLU(0.1),     # 8 -> 4
            nn.Conv3d(4 * w, 4 * w, 3, padding=1), nn.LeakyReLU(0.1),
        )
        pool = 2 if bins >= 16 else 1                                    # the deepest map is bins/8 per side
        features = 4 * w * pool ** 3 + 3 * bins                          # a 2³ summary of the 4³ map + the marginals
        self.pool = nn.AdaptiveAvgPool3d(pool)
        self.mlp = nn.Sequential(nn.Linear(features, hidden), nn.LeakyReLU(0.1), nn.Dropout(dropout),
                                 nn.Linear(hidden, hidden), nn.LeakyReLU(0.1), nn.Dropout(dropout))
        self.out = nn.Linear(hidden, 3 * (modes + 1))
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)
        k = torch.arange(bins, dtype=torch.float32) + 0.5
        basis = torch.stack([torch.cos(math.pi * m * k / bins) for m in range(modes)])   # [modes, B]
        self.register_buffer("basis", basis)

    def curves(self, h):
        n = h.shape[0]
        b = self.bins
        density = torch.log1p(h * b ** 3)
        pooled = self.pool(self.encoder(density)).reshape(n, -1)
        cdfs = torch.cumsum(marginals(h), dim=2).reshape(n, -1)
        params = self.out(self.mlp(torch.cat([pooled, cdfs], dim=1))).reshape(n, 3, self.modes + 1)
        offset = 0.15 * torch.tanh(params[:, :, :1])                      # black point, ±0.15
        log_slope = torch.einsum("ncm,mk->nck", params[:, :, 1:], self.basis)
        steps = torch.exp(log_slope.clamp(-3.0, 3.0)) / b                 # slope 1 everywhere when params are 0
        inner = offset + torch.cumsum(steps, dim=2)                       # [N, 3, B]: curve at edges 1..B
        return torch.cat([offset, inner], dim=2)                          # [N, 3, B + 1]

    def forward(self, h):
        return pushforward(h, self.curves(h))


class RefinedCurveNet(nn.Module):
    """CurveNet followed by a small 3D U-Net that reweights the pushed histogram.

    The curves move the colours (globally, smoothly); the U-Net (32³ -> 16³ -> 8³ and back, with
    a skip connection) may then make mass up to e^±BOUND times denser or sparser where the pushed
    histogram already has some - enough to tighten colours spread by noise, never enough to invent
    colours far from the photo's. A softmax over the B³ bins makes the result a distribution.
    """

    BOUND = 3.0
    FLOOR = 1e-9

    def __init__(self, bins=32, width=8, dropout=0.2):
        super().__init__()
        self.bins = bins
        self.curvenet = CurveNet(bins=bins, width=width, dropout=dropout)
        w = width
        self.stem = nn.Conv3d(2, w, 2, stride=2)                      # 32 -> 16
        self.enc = _conv(w, w)
        self.down = nn.Conv3d(w, 2 * w, 2, stride=2)                  # 16 -> 8
        self.mid = _conv(2 * w, 2 * w)
        self.up = nn.ConvTranspose3d(2 * w, w, 2, stride=2)           # 8 -> 16
        self.dec = _conv(2 * w, w)
        self.head = nn.ConvTranspose3d(w, 1, 2, stride=2)             # 16 -> 32
        nn.init.zeros_(self.head.weight)
        nn.init.zeros_(self.head.bias)

    def forward(self, h):
        act = lambda t: F.leaky_relu(t, 0.1)  # noqa: E731
        n = h.shape[0]
        cells = self.bins ** 3
        pushed = self.curvenet(h)
        x = torch.cat([torch.log1p(pushed * cells), torch.log1p(h * cells)], dim=1)
        e = act(self.enc(act(self.stem(x))))
        m = act(self.mid(act(self.down(e))))
        d = act(self.dec(torch.cat([act(self.up(m)), e], dim=1)))
        delta = self.BOUND * torch.tanh(self.head(d))
        logits = torch.log(pushed + self.FLOOR) + delta
        return torch.softmax(logits.reshape(n, -1), dim=1).reshape(n, 1, self.bins, self.bins, self.bins)
