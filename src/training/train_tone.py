#!/usr/bin/env python3
"""Fits the tone model (retone_train/tone.py) on a Retone dataset file and exports it to ONNX.

    python3 src/training/train_tone.py --train train.rthd --val val.rthd --out models/retone-tone-v2 \\
        --card src/training/model-card-data.json

1. Reads every pair's statistics (the model's input) and the shift of each channel's quantiles from
   the edited photo to the original (its target; the mean squared error of that shift is the RGB
   error the photo would be left with by the curves).
2. Projects the targets on their first --components principal components and fits extremely
   randomised trees on them (scikit-learn).
3. Calibrates on the validation pairs, whose photos are not trained on: how much of the predicted
   shift to apply (amount) and below which size to leave a photo alone (threshold), by the same
   error, with the validation originals themselves counted as photos to leave alone.
4. Exports histogram -> statistics -> trees -> curves -> pushed histogram as one ONNX graph with
   its card, and checks the graph answers what scikit-learn answers.
KL divergences are logged for information; nothing is fitted to them.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from retone_train import data, export, forest, stats, tone  # noqa: E402
from retone_train.losses import floored_kl  # noqa: E402

CHUNK = 256


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True, help="training dataset file (from 'retone dataset')")
    p.add_argument("--val", required=True, help="validation dataset file, from other photos of the same packages")
    p.add_argument("--out", required=True, help="output path without extension: writes OUT.onnx and OUT.json")
    p.add_argument("--trees", type=int, default=120)
    p.add_argument("--min-leaf", type=int, default=8, help="fewest training pairs in a leaf")
    p.add_argument("--max-features", type=float, default=0.35, help="share of the statistics tried at each split")
    p.add_argument("--components", type=int, default=12, help="principal components of the quantile shifts predicted")
    p.add_argument("--original-weight", type=float, default=1.0,
                   help="weight of the validation originals (to be left alone) against the edited pairs in calibration")
    p.add_argument("--limit", type=int, default=0, help="use only the first N training pairs (tests)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--card", help="JSON with the data section of the model card (photos, packages, licences)")
    return p.parse_args(argv)


def read(pairs, limit=0):
    """Statistics of the edited histograms, target shifts, and both histograms' marginal info, in chunks."""
    f = stats.HistogramStats(pairs.bins)
    n = len(pairs) if limit <= 0 else min(limit, len(pairs))
    xs, ys, kl = [], [], []
    originals = {}
    with torch.no_grad():
        for start in range(0, n, CHUNK):
            e, o = pairs.batch(np.arange(start, min(n, start + CHUNK)))
            e = torch.from_numpy(e)
            o = torch.from_numpy(o)
            xs.append(f(e).numpy())
            ys.append(tone.quantile_shift(e, o).reshape(len(e), -1).numpy())
            kl.append(floored_kl(o, e).numpy())
            for i in range(len(o)):
                key = hash(o[i].numpy().tobytes())
                if key not in originals:
                    originals[key] = o[i]
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(kl), torch.stack(list(originals.values()))


def fit(x, y, args):
    from sklearn.ensemble import ExtraTreesRegressor
    mean = y.mean(axis=0)
    _, _, vt = np.linalg.svd(y - mean, full_matrices=False)
    components = vt[:args.components]
    z = (y - mean) @ components.T
    trees = ExtraTreesRegressor(n_estimators=args.trees, min_samples_leaf=args.min_leaf, max_features=args.max_features,
                                n_jobs=2, random_state=args.seed).fit(x, z)
    explained = 1 - ((y - mean - z @ components) ** 2).sum() / ((y - mean) ** 2).sum()
    return trees, components, mean, float(explained)


def rms_levels(shift, target):
    """Root mean squared error of the shifts, in levels of 255 (mean over pairs of each pair's MSE)."""
    return float(np.sqrt(np.mean((shift - target) ** 2)) * 255)


def calibrate(raw, target, raw_originals, original_weight):
    """The (amount, threshold) with the least error on the validation pairs and originals."""
    best = None
    grid = []
    n = len(raw)
    for amount in np.arange(0.5, 1.31, 0.05):
        for threshold in (0.0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04):
            cal = tone.calibrate_shift(torch.from_numpy(raw), amount, threshold).numpy()
            cal_o = tone.calibrate_shift(torch.from_numpy(raw_originals), amount, threshold).numpy()
            err = np.mean((cal - target) ** 2)
            moved = np.mean(cal_o ** 2)
            score = (err * n + original_weight * moved * len(cal_o)) / (n + original_weight * len(cal_o))
            grid.append((float(amount), threshold, float(np.sqrt(err) * 255), float(np.sqrt(moved) * 255)))
            if best is None or score < best[0]:
                best = (score, float(amount), threshold)
    return best[1], best[2], grid


def main(argv=None):
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    started = time.time()
    train_pairs = data.HistogramPairs(args.train)
    val_pairs = data.HistogramPairs(args.val)
    x, y, _, _ = read(train_pairs, args.limit)
    vx, vy, v_kl_edited, v_originals = read(val_pairs)
    print(f"read {len(x)} training and {len(vx)} validation pairs, {x.shape[1]} statistics, "
          f"{time.time() - started:.0f} s", flush=True)

    trees, components, mean, explained = fit(x, y, args)
    ensemble = forest.from_sklearn_forest(trees, x.shape[1])
    print(f"fitted {args.trees} trees (depth {ensemble.depth}, {ensemble.nodes} nodes at most), "
          f"{args.components} components explain {explained:.3f} of the shifts, {time.time() - started:.0f} s", flush=True)

    def raw_shift(features):
        return (trees.predict(features) @ components + mean).astype(np.float32)

    with torch.no_grad():
        o_stats = stats.HistogramStats(val_pairs.bins)(v_originals).numpy()
    v_raw = raw_shift(vx)
    o_raw = raw_shift(o_stats)
    amount, threshold, grid = calibrate(v_raw, vy, o_raw, args.original_weight)
    cal = tone.calibrate_shift(torch.from_numpy(v_raw), amount, threshold).numpy()
    cal_o = tone.calibrate_shift(torch.from_numpy(o_raw), amount, threshold).numpy()
    figures = {
        "pairs": len(vx),
        "originals": len(o_raw),
        "rms_shift_error_levels": {"edited": rms_levels(0 * vy, vy), "as_fitted": rms_levels(v_raw, vy),
                                   "calibrated": rms_levels(cal, vy)},
        "originals_moved_rms_levels": {"as_fitted": rms_levels(o_raw, 0 * o_raw), "calibrated": rms_levels(cal_o, 0 * cal_o)},
        "train_rms_shift_error_levels": rms_levels(raw_shift(x[:2000]), y[:2000]),
    }
    print(json.dumps(figures), flush=True)
    print(f"calibrated: amount {amount:.2f}, threshold {threshold}", flush=True)

    model = tone.ToneModel(ensemble, components, mean, bins=train_pairs.bins, amount=amount, threshold=threshold)
    model.eval()
    kl = validation_kl(model, val_pairs, v_kl_edited)
    figures["kl_predicted_to_original"] = kl
    figures["kl_edited_to_original"] = float(np.mean(v_kl_edited))
    print(f"KL(original || predicted) {kl:.3f} against KL(original || edited) {np.mean(v_kl_edited):.3f} "
          "(information, not fitted)", flush=True)
    agreement = check_against_sklearn(model, trees, components, mean, vx[:64], val_pairs)

    onnx_path = args.out + ".onnx"
    export.export_onnx(model, onnx_path, train_pairs.bins)
    reference = export.reference_sample(model, export.reference_input(train_pairs.bins))
    card = make_card(args, model, ensemble, figures, amount, threshold, grid, explained, agreement, reference,
                     len(x), time.time() - started)
    export.write_card(args.out + ".json", card)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.1f} MB) and {args.out}.json in "
          f"{(time.time() - started) / 60:.1f} min", flush=True)
    return model


def validation_kl(model, pairs, kl_edited):
    out = []
    with torch.no_grad():
        for start in range(0, len(pairs), CHUNK):
            e, o = pairs.batch(np.arange(start, min(len(pairs), start + CHUNK)))
            out.append(floored_kl(torch.from_numpy(o), model(torch.from_numpy(e))).numpy())
    return float(np.mean(np.concatenate(out)))


def check_against_sklearn(model, trees, components, mean, features, pairs):
    """The torch trees must answer what scikit-learn answers (float32 thresholds aside)."""
    e, _ = pairs.batch(np.arange(len(features)))
    with torch.no_grad():
        ours = model.raw_shift(torch.from_numpy(e)).reshape(len(e), -1).numpy()
    theirs = trees.predict(features) @ components + mean
    worst = float(np.abs(ours - theirs).max())
    if worst > 1e-3:
        raise AssertionError(f"the exported trees differ from scikit-learn's by {worst}")
    return worst


def make_card(args, model, ensemble, figures, amount, threshold, grid, explained, agreement, reference, train_count,
              seconds):
    bins = model.stats.bins
    card = {
        "name": os.path.basename(args.out),
        "format": "onnx",
        "opset": export.OPSET,
        "bins": bins,
        "input": {"name": export.INPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32",
                  "meaning": "normalised 3D RGB histogram of the photo's fixed-size copy, flat index (r*B+g)*B+b"},
        "output": {"name": export.OUTPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32",
                   "meaning": "the input pushed through three predicted tone curves (the predicted original's "
                              "histogram), sums to 1"},
        "architecture": (f"ToneModel: {len(stats.NAMES)} histogram statistics -> {ensemble.count} extremely randomised "
                         f"trees (depth {ensemble.depth}) -> {args.components} principal components of the per-channel "
                         f"quantile shift (K={tone.LEVELS_K} levels) -> calibrated shift -> monotone curves at the bin "
                         "edges -> input histogram pushed through them"),
        "parameters": ensemble.parameter_count() + int(model.components.numel()),
        "training": {
            "loss": "mean squared error of each channel's quantile shift (the RGB error the curves leave), "
                    "on principal components",
            "trees": args.trees, "min_samples_leaf": args.min_leaf, "max_features": args.max_features,
            "components": args.components, "components_explain": explained, "seed": args.seed,
            "train_pairs": train_count, "val_pairs": figures["pairs"], "minutes": seconds / 60,
            "torch_vs_sklearn_max_difference": agreement,
        },
        "validation": figures,
        "calibration": {
            "amount": amount, "threshold": threshold,
            "how": "shift' = amount * max(0, 1 - threshold / rms(shift)) * shift, fitted on the validation pairs by "
                   "the quantile-shift error with the validation originals (to be left alone) weighted "
                   f"{args.original_weight}",
            "grid": [{"amount": a, "threshold": t, "rms_error_levels": e, "originals_moved_levels": m}
                     for a, t, e, m in grid],
        },
        "statistics": stats.NAMES,
        "reference_output": {"first_values": [float(v) for v in reference[:16]], "argmax": int(np.argmax(reference)),
                             "sum": float(reference.sum())},
        "commands": [" ".join(["python3", "src/training/train_tone.py"] + sys.argv[1:])],
    }
    if args.card:
        with open(args.card, encoding="utf-8") as f:
            card["data"] = json.load(f)
    return card


if __name__ == "__main__":
    main()
