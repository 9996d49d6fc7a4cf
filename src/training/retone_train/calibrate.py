"""Calibration of a trained CurveNet on the validation pairs, fitted after training like the
temperature of a classifier (the network's weights are not touched).

Trained on few photos, the network recognises its training photos and corrects them with
confidence; on photos it has never seen, that confidence is misplaced in two ways: the size of
its corrections overshoots, and it applies an average correction of its own to photos that need
none (measured on the validation photos: good photos moved by ΔE76 about 6). Two numbers fix
that, both fitted on the validation pairs:

- `threshold` and `amount`: the curves' displacement d(x) = curve(x) - x is soft-thresholded by
  its size, curve'(x) = x + amount * max(0, 1 - threshold / |d|) * d(x), where |d| is the RMS
  shift of the photo's own colours (its marginals' mass) in units of the full range. Small,
  uncertain corrections vanish, large ones are kept a little shrunk (James-Stein/soft
  thresholding: a noisy estimate gains from being pulled towards "no change").
  Fitted to the marginal Wasserstein-2 distance to the originals - for per-channel monotone
  maps, the RGB mean squared error of the corrected pixels - with the unedited pairs weighted
  to half of the whole: a photographer's photos are often good already, the 5 % of unedited
  training samples are not how often.
- Subject to the product's bar on the histograms themselves: of the settings whose predicted
  histograms keep KL(original || predicted) at most KL_BAR times KL(original || edited) over the
  validation pairs, the one with the lowest weighted W2 is chosen (a threshold trades KL for
  leaving good photos alone). When no setting meets it, the lowest weighted W2 overall.

Not done, though tried: blurring the prediction (or mixing in a blurred copy) lowers
KL(original || predicted), but Pitié's transfer then spreads the photo's colours to match the
blur, and edits were brought closer less often (63 % against 79 %), so KL is a condition of the
fit (above), never its objective.
"""

import numpy as np
import torch
from torch import nn

from .losses import EVAL_KL_FLOOR, floored_kl
from .model import CurveNet, bin_shares, marginals, pushforward

AMOUNTS = tuple(round(a, 2) for a in np.arange(0.5, 1.001, 0.05))
THRESHOLDS = tuple(round(t, 3) for t in np.arange(0.0, 0.0601, 0.005))
UNEDITED_WEIGHT = 0.5   # share of the fit's weight on pairs whose edit changed nothing
JAVA_KL_FLOOR = EVAL_KL_FLOOR   # Histogram3D.klDivergence's floor per bin, so figures match `retone eval`
KL_BAR = 0.5            # predicted KL at most half the edited KL (the model's acceptance bar)


def shrink(curves, h, amount, threshold):
    """Curves [N, 3, B + 1] soft-thresholded by the RMS shift they give the histograms h."""
    bins = curves.shape[-1] - 1
    identity = torch.linspace(0.0, 1.0, bins + 1, dtype=curves.dtype, device=curves.device)
    d = curves - identity
    centre = 0.5 * (d[..., :-1] + d[..., 1:])                          # shift of each bin's middle
    size = torch.sqrt((marginals(h) * centre ** 2).sum(dim=(1, 2)) / 3 + 1e-12)   # [N]
    factor = amount * torch.clamp(1 - threshold / size, min=0.0)
    return identity + factor.view(-1, 1, 1) * d


class CalibratedCurveNet(nn.Module):
    """A CurveNet with its calibration: curves soft-thresholded towards the identity."""

    def __init__(self, curvenet: CurveNet, amount=1.0, threshold=0.0):
        super().__init__()
        if not 0.0 < amount <= 1.0:
            raise ValueError(f"amount must be in (0, 1], not {amount}")
        if threshold < 0:
            raise ValueError(f"threshold must be >= 0, not {threshold}")
        self.curvenet = curvenet
        self.bins = curvenet.bins
        self.amount = float(amount)
        self.threshold = float(threshold)

    def curves(self, h):
        return shrink(self.curvenet.curves(h), h, self.amount, self.threshold)

    def forward(self, h):
        return pushforward(h, self.curves(h))


def java_kl(target, predicted, floor=JAVA_KL_FLOOR):
    """Per-sample KL(target || predicted) exactly as Histogram3D.klDivergence computes it, in double."""
    return floored_kl(target.double(), predicted.double(), floor)


def _quantiles(marginal, levels):
    """Quantile functions [N, C, L] of marginals [N, C, B] (mass uniform within a bin)."""
    m = marginal.double()
    bins = m.shape[-1]
    cdf = torch.cumsum(m / m.sum(dim=-1, keepdim=True), dim=-1)
    cdf = torch.cat([torch.zeros_like(cdf[..., :1]), cdf], dim=-1).contiguous()   # [N, C, B + 1] at the edges
    at = levels.expand(*cdf.shape[:-1], -1).contiguous()
    hi = torch.searchsorted(cdf, at).clamp(1, bins)                    # cdf[hi - 1] < level <= cdf[hi]
    c0 = cdf.gather(-1, hi - 1)
    c1 = cdf.gather(-1, hi)
    t = ((at - c0) / (c1 - c0).clamp(min=1e-300)).clamp(0.0, 1.0)
    return ((hi - 1).double() + t) / bins


def marginal_w2_of(target_marginals, predicted_marginals):
    """Per-sample mean over channels of the squared 1D Wasserstein-2 distance, range units squared."""
    levels = torch.linspace(0.0, 1.0, 257, dtype=torch.float64)[1:-1]
    diff = _quantiles(target_marginals, levels) - _quantiles(predicted_marginals, levels)
    return (diff ** 2).mean(dim=(1, 2))


def marginal_w2(target, predicted):
    """marginal_w2_of for histograms [N, 1, B, B, B]."""
    return marginal_w2_of(marginals(target), marginals(predicted))


def _pushed_marginals(source_marginals, curves):
    """Marginals of pushforward(h, curves) from h's marginals alone: each channel maps on its own."""
    shares = bin_shares(curves, source_marginals.shape[-1])              # [N, 3, B, B]
    return torch.einsum("ncs,ncsd->ncd", source_marginals, shares)


def fit(curvenet, pairs, limit=0, log=print):
    """Fits amount and threshold by the weighted marginal W2 under the KL bar; returns them and the table."""
    curvenet.eval()
    count = min(len(pairs), limit) if limit else len(pairs)
    edited, original = (torch.from_numpy(a) for a in pairs.batch(np.arange(count)))
    unedited = (edited.reshape(count, -1) == original.reshape(count, -1)).all(dim=1)
    n_unedited = int(unedited.sum())
    if 0 < n_unedited < count:
        weights = torch.where(unedited, UNEDITED_WEIGHT / n_unedited, (1 - UNEDITED_WEIGHT) / (count - n_unedited))
    else:
        weights = torch.full((count,), 1.0 / count)
    weights = weights.double()
    with torch.no_grad():
        raw = curvenet.curves(edited)
    source_m = marginals(edited)
    original_m = marginals(original)
    kl_edited = float(java_kl(original, edited).mean())
    w2_edited = float((marginal_w2_of(original_m, source_m) * weights).sum())
    table = {"pairs": count, "unedited_pairs": n_unedited, "unedited_weight": UNEDITED_WEIGHT,
             "edited": {"kl": kl_edited, "w2": w2_edited}, "grid": []}
    log(f"calibration on {count} validation pairs ({n_unedited} unedited, weighted {UNEDITED_WEIGHT:.0%}):"
        f" edited marginal W2 {w2_edited * 1e4:.2f}e-4, KL {kl_edited:.3f}")

    def kl_of(curves, size=64):
        total = 0.0
        for start in range(0, count, size):
            part = slice(start, start + size)
            total += float(java_kl(original[part], pushforward(edited[part], curves[part])).sum())
        return total / count

    with torch.no_grad():
        for amount in AMOUNTS:
            for threshold in THRESHOLDS:
                curves = shrink(raw, edited, amount, threshold)
                per_pair = marginal_w2_of(original_m, _pushed_marginals(source_m, curves))
                w2 = float((per_pair * weights).sum())
                moved = float(marginal_w2_of(source_m[unedited], _pushed_marginals(source_m, curves)[unedited]).mean()) \
                    if n_unedited else float("nan")
                table["grid"].append({"amount": amount, "threshold": threshold, "w2": w2, "unedited_moved_w2": moved,
                                      "kl": kl_of(curves)})
    meeting = [row for row in table["grid"] if row["kl"] <= KL_BAR * kl_edited]
    chosen = min(meeting or table["grid"], key=lambda row: (row["w2"], -row["amount"], row["threshold"]))
    amount, threshold, w2, kl = chosen["amount"], chosen["threshold"], chosen["w2"], chosen["kl"]
    as_is = [row for row in table["grid"] if row["amount"] == 1.0 and row["threshold"] == 0.0][0]
    kl_as_is = as_is["kl"]
    table["kl_bar"] = {"ratio": KL_BAR, "settings_meeting_it": len(meeting), "chosen_meets_it": bool(meeting)}
    log(f"as trained: weighted marginal W2 {as_is['w2'] * 1e4:.2f}e-4, unedited moved {as_is['unedited_moved_w2'] * 1e4:.2f}e-4,"
        f" KL {kl_as_is:.3f} (ratio {kl_as_is / kl_edited:.2f})")
    log(f"{len(meeting)} of {len(table['grid'])} settings keep KL at most {KL_BAR} x the edited KL")
    log(f"chosen: amount {amount:.2f}, threshold {threshold:.3f}: weighted marginal W2 {w2 * 1e4:.2f}e-4,"
        f" unedited moved {chosen['unedited_moved_w2'] * 1e4:.2f}e-4, KL {kl:.3f} (ratio {kl / kl_edited:.2f})")
    table["as_trained"] = as_is
    table["chosen"] = chosen
    return amount, threshold, table
