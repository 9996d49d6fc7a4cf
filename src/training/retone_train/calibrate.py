"""Calibration of a trained CurveNet on the validation pairs, fitted after training like the
temperature of a classifier (the network's weights are not touched).

Trained on few photos, the network recognises its training photos and learns to correct them
with confidence; on photos it has never seen the same confidence overshoots: the direction of its
correction is right on average, its size too large (James-Stein: a noisy estimate gains from
being shrunk towards "no change"). Two numbers fix that, both fitted on the validation pairs:

- `amount` (0..1]: the curves are blended with the identity, curve = x + amount * (curve(x) - x).
  Fitted to the marginal Wasserstein-2 distance to the originals, which for the per-channel
  monotone maps the curves are is the RGB mean squared error of the corrected pixels: the
  criterion that matches what the eye (and PSNR, and ΔE) sees.
- `spread` (bins, >= 0): the predicted histogram is blurred by a Gaussian of this width, which
  states how sure the prediction is of exact bin positions. Fitted to KL(original || predicted),
  the model's histogram criterion; it changes where the transfer puts colours by far less than a
  bin, so it is chosen second, at the fitted amount.
"""
import math

import numpy as np
import torch
from torch import nn

from . import losses
from .model import CurveNet, pushforward

AMOUNTS = tuple(round(a, 2) for a in np.arange(0.2, 1.001, 0.05))
SPREADS = (0.0, 0.25, 0.35, 0.5, 0.65, 0.8, 1.0)
JAVA_KL_FLOOR = 1e-6  # Histogram3D.klDivergence's floor per bin, so figures match `retone eval`


class CalibratedCurveNet(nn.Module):
    """A CurveNet with its calibration: curves shrunk towards the identity, the result blurred."""

    def __init__(self, curvenet: CurveNet, amount=1.0, spread=0.0):
        super().__init__()
        if not 0.0 < amount <= 1.0:
            raise ValueError(f"amount must be in (0, 1], not {amount}")
        if spread < 0:
            raise ValueError(f"spread must be >= 0, not {spread}")
        self.curvenet = curvenet
        self.bins = curvenet.bins
        self.amount = float(amount)
        self.spread = float(spread)
        self.register_buffer("identity", torch.linspace(0.0, 1.0, curvenet.bins + 1))

    def curves(self, h):
        return self.identity + self.amount * (self.curvenet.curves(h) - self.identity)

    def forward(self, h):
        out = pushforward(h, self.curves(h))
        if self.spread > 0:
            out = losses.gaussian_blur3d(out, self.spread)
        return out


def java_kl(target, predicted, floor=JAVA_KL_FLOOR):
    """Per-sample KL(target || predicted) exactly as Histogram3D.klDivergence computes it."""
    n = target.shape[0]
    t = target.reshape(n, -1).double()
    p = predicted.reshape(n, -1).double()
    norm = 1 + floor * t.shape[1]
    t = (t + floor) / norm
    p = (p + floor) / norm
    return (t * (t.log() - p.log())).sum(dim=1).clamp(min=0)


def marginal_w2(target, predicted):
    """Per-sample mean over channels of the squared 1D Wasserstein-2 distance between marginals,
    in units of the full range squared (from the quantile functions on a fine grid)."""
    bins = target.shape[-1]
    levels = torch.linspace(0.0, 1.0, 257, dtype=torch.float64)[1:-1]   # quantile levels

    def quantiles(h):
        g = h.reshape(h.shape[0], bins, bins, bins).double()
        m = torch.stack([g.sum(dim=(2, 3)), g.sum(dim=(1, 3)), g.sum(dim=(1, 2))], dim=1)
        cdf = torch.cumsum(m / m.sum(dim=2, keepdim=True), dim=2)          # [N, 3, B] at bin upper edges
        cdf = torch.cat([torch.zeros_like(cdf[:, :, :1]), cdf], dim=2)     # [N, 3, B + 1] at all edges
        edges = torch.linspace(0.0, 1.0, bins + 1, dtype=torch.float64)
        out = torch.empty(*cdf.shape[:2], levels.numel(), dtype=torch.float64)
        for i in range(cdf.shape[0]):
            for c in range(3):
                out[i, c] = torch.from_numpy(np.interp(levels.numpy(), cdf[i, c].numpy(), edges.numpy()))
        return out

    return ((quantiles(target) - quantiles(predicted)) ** 2).mean(dim=(1, 2))


def _measure(curvenet, edited, original, amount, spread):
    model = CalibratedCurveNet(curvenet, amount, spread).eval()
    with torch.no_grad():
        pred = model(edited)
    return float(java_kl(original, pred).mean()), float(marginal_w2(original, pred).mean())


def fit(curvenet, pairs, limit=0, log=print):
    """Fits amount (by marginal W2) then spread (by KL) on `pairs`; returns the choice and the table."""
    curvenet.eval()
    count = min(len(pairs), limit) if limit else len(pairs)
    edited, original = (torch.from_numpy(a) for a in pairs.batch(np.arange(count)))
    with torch.no_grad():
        kl_edited = float(java_kl(original, edited).mean())
        w2_edited = float(marginal_w2(original, edited).mean())
    table = {"pairs": count, "edited": {"kl": kl_edited, "w2": w2_edited}, "amount": [], "spread": []}
    log(f"calibration on {count} validation pairs: edited KL {kl_edited:.3f}, marginal W2 {w2_edited * 1e4:.2f}e-4")
    best_amount, best_w2 = 1.0, math.inf
    for amount in AMOUNTS:
        kl, w2 = _measure(curvenet, edited, original, amount, 0.0)
        table["amount"].append({"amount": amount, "kl": kl, "w2": w2})
        log(f"  amount {amount:.2f}: KL {kl:.3f} (ratio {kl / kl_edited:.2f}), marginal W2 {w2 * 1e4:.2f}e-4")
        if w2 < best_w2 - 1e-12:
            best_amount, best_w2 = amount, w2
    best_spread, best_kl = 0.0, math.inf
    for spread in SPREADS:
        kl, w2 = _measure(curvenet, edited, original, best_amount, spread)
        table["spread"].append({"spread": spread, "kl": kl, "w2": w2})
        log(f"  spread {spread:.2f} at amount {best_amount:.2f}: KL {kl:.3f} (ratio {kl / kl_edited:.2f}),"
            f" marginal W2 {w2 * 1e4:.2f}e-4")
        if kl < best_kl - 1e-9:
            best_spread, best_kl = spread, kl
    table["chosen"] = {"amount": best_amount, "spread": best_spread, "kl": best_kl, "kl_ratio": best_kl / kl_edited}
    log(f"chosen: amount {best_amount:.2f}, spread {best_spread:.2f} bins: KL {best_kl:.3f} (ratio {best_kl / kl_edited:.2f})")
    return best_amount, best_spread, table
