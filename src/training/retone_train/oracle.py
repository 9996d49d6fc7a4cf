"""The best any per-channel tone-curve model could do: the curves that match each channel of the
edited histogram to the original's exactly (1D optimal transport, F_original^-1 o F_edited).

CurveNet's output is the input histogram pushed through three monotone curves, so this oracle
is the floor of its KL: what is left above the oracle comes from predicting the curves from the
edited histogram alone; what is left at the oracle, from edits no per-channel curve undoes
(per-hue saturation, noise) and from the bins.

    python3 -m retone_train.oracle val.rthd
"""
import argparse

import torch

from .calibrate import _quantiles, java_kl
from .data import HistogramPairs
from .model import marginals, pushforward


def oracle_curves(edited, original):
    """Curves [N, 3, B + 1] at the bin edges taking each channel of `edited` onto `original`'s."""
    me = marginals(edited.double())
    mo = marginals(original.double())
    cdf = torch.cumsum(me / me.sum(dim=-1, keepdim=True), dim=-1)
    levels = torch.cat([torch.zeros_like(cdf[..., :1]), cdf], dim=-1).clamp(1e-9, 1 - 1e-9)   # F_edited at the edges
    curves = _quantiles(mo, levels.contiguous())
    return torch.cummax(curves, dim=-1).values                            # monotone, also across empty bins


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", help="a dataset file written by `retone dataset`")
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args(argv)
    pairs = HistogramPairs(args.dataset)
    kl_edited = kl_oracle = 0.0
    for start in range(0, len(pairs), args.batch):
        edited, original = (torch.from_numpy(a).double() for a in pairs.batch(range(start, min(len(pairs), start + args.batch))))
        kl_edited += float(java_kl(original, edited).sum())
        kl_oracle += float(java_kl(original, pushforward(edited, oracle_curves(edited, original))).sum())
    n = len(pairs)
    print(f"{n} pairs: KL(original || edited) {kl_edited / n:.3f}, "
          f"KL(original || edited through the oracle's curves) {kl_oracle / n:.3f} (ratio {kl_oracle / kl_edited:.2f})")


if __name__ == "__main__":
    main()
