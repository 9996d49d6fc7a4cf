#!/usr/bin/env python3
"""Fits the tone model (retone_train/tone.py) on a Retone dataset file and exports it to ONNX.

    python3 src/training/train_tone.py --train train.rthd --val val.rthd --out models/retone-tone-v2 \\
        --card src/training/model-card-data.json

1. Reads every pair's statistics (the model's input) and the shift of each channel's quantiles from
   the edited photo to the original (its target; the mean squared error of that shift is the RGB
   error the photo would be left with by the curves).
2. Projects the targets on their first --components principal components and fits extremely
   randomised trees on them, and gradient-boosted trees beside them (scikit-learn); the model
   answers their mean (--boosted-share weights it; --trees 0 leaves the randomised trees out;
   --boosted-bags averages several boosted ensembles, each with its own seed and, with
   --boosted-bootstrap, its own bootstrap of the pairs).
   Each training original is also added (--originals times) as a pair whose answer is no shift:
   a good photo should be left alone, and the trees learn where good photos lie.
3. Calibrates on the validation pairs, whose photos are not trained on: how much of the predicted
   shift to apply (amount) and below which size to leave a photo alone (threshold): of the
   settings that move the validation originals by at most --max-moved levels, the one with the
   least error on the edited pairs (--calibrate-for rms) or the highest PSNR proxy, each pair
   counted alike as eval counts each edit alike (--calibrate-for psnr).
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
    p.add_argument("--train", required=True, nargs="+",
                   help="training dataset file(s) (from 'retone dataset'; several: their pairs together, same bins)")
    p.add_argument("--val", required=True, nargs="+",
                   help="validation dataset file(s), from other photos of the same packages; several: one a family of "
                        "edits each (e.g. seed and camera), calibrated for their mean, each held to --min-closer")
    p.add_argument("--out", required=True, help="output path without extension: writes OUT.onnx and OUT.json")
    p.add_argument("--trees", type=int, default=60, help="randomised trees (0: the boosted trees alone)")
    p.add_argument("--min-leaf", type=int, default=25, help="fewest training pairs in a leaf")
    p.add_argument("--max-features", type=float, default=0.35, help="share of the statistics tried at each split")
    p.add_argument("--components", type=int, default=12, help="principal components of the quantile shifts predicted")
    p.add_argument("--boosted-share", type=float, default=0.5,
                   help="weight of the boosted trees in the average with the randomised trees (0.5: their mean)")
    p.add_argument("--boosted-bags", type=int, default=1,
                   help="boosted ensembles averaged, each with its own seed (seed, seed + 1, ...): its own random "
                        "held-out pairs for early stopping, and its own bootstrap with --boosted-bootstrap")
    p.add_argument("--boosted-bootstrap", action="store_true",
                   help="each boosted ensemble weights the pairs by Poisson(1) counts (a bootstrap)")
    p.add_argument("--boosted-min-leaf", type=int, default=40, help="fewest training pairs in a boosted tree's leaf")
    p.add_argument("--boosted-early-stopping", choices=("auto", "off"), default="auto",
                   help="scikit-learn's early stopping of the boosted trees: auto holds out a random 10 %% of the "
                        "pairs to score (above 10,000 pairs); off fits every round on all of them")
    p.add_argument("--calibrate-for", choices=("rms", "psnr"), default="rms",
                   help="calibration's criterion on the edited validation pairs: the least RMS shift error, or the "
                        "highest mean PSNR proxy, -10 log10(shift MSE + (9.7/255)^2) (each pair counts alike, as "
                        "in eval's PSNR; 9.7 levels: the curves ceiling's residual error)")
    p.add_argument("--min-closer", type=float, default=0.0,
                   help="calibration: the least share of each validation file's edited pairs the calibrated shift must "
                        "bring closer (shift error below the edit's own), as eval's 'closer' counts them")
    p.add_argument("--save-fit", help="also save the fitted trees and components here (torch), to calibrate again later")
    p.add_argument("--load-fit", help="take the fitted trees and components from a --save-fit file instead of fitting")
    p.add_argument("--jobs", type=int, default=2, help="processes fitting the randomised trees")
    p.add_argument("--boosted-rounds", type=int, default=400,
                   help="also fit gradient-boosted trees (this many rounds per component) and average them with the "
                        "randomised trees; 0: randomised trees alone")
    p.add_argument("--originals", type=int, default=3,
                   help="times each training photo's unedited original is added as a pair to leave alone (target: no shift)")
    p.add_argument("--max-moved", type=float, default=5.0,
                   help="calibration: the most the validation originals may be moved, RMS in levels of 255")
    p.add_argument("--limit", type=int, default=0, help="use only the first N training pairs (tests)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--card", help="JSON with the data section of the model card (photos, packages, licences)")
    return p.parse_args(argv)


def read(pairs, limit=0, with_kl=False):
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
            if with_kl:    # information only, and slow (most of the read): the validation pairs' alone
                kl.append(floored_kl(o, e).numpy())
            for i in range(len(o)):
                key = hash(o[i].numpy().tobytes())
                if key not in originals:
                    originals[key] = o[i]
    return (np.concatenate(xs), np.concatenate(ys), np.concatenate(kl) if with_kl else None,
            torch.stack(list(originals.values())))


def fit(x, y, args):
    """The fitted trees as a torch module from statistics to component coefficients, with the components."""
    from sklearn.ensemble import ExtraTreesRegressor, HistGradientBoostingRegressor
    mean = y.mean(axis=0)
    _, _, vt = np.linalg.svd(y - mean, full_matrices=False)
    components = vt[:args.components]
    z = (y - mean) @ components.T
    parts, weights = [], []
    if args.trees > 0:
        randomised = ExtraTreesRegressor(n_estimators=args.trees, min_samples_leaf=args.min_leaf,
                                         max_features=args.max_features, n_jobs=args.jobs,
                                         random_state=args.seed).fit(x, z)
        parts.append(forest.from_sklearn_forest(randomised, x.shape[1]))
        weights.append(1.0)
    if args.boosted_rounds > 0:
        stopping = "auto" if args.boosted_early_stopping == "auto" else False
        bags = []
        for bag in range(args.boosted_bags):
            seed = args.seed + bag
            weight = (np.random.default_rng(seed).poisson(1.0, len(x)).astype(np.float64)
                      if args.boosted_bootstrap else None)
            boosted = [HistGradientBoostingRegressor(learning_rate=0.05, max_iter=args.boosted_rounds,
                                                     max_leaf_nodes=15, min_samples_leaf=args.boosted_min_leaf,
                                                     l2_regularization=1.0, random_state=seed, early_stopping=stopping)
                       .fit(x, z[:, k], sample_weight=weight) for k in range(args.components)]
            bags.append(forest.from_sklearn_boosting(boosted, x.shape[1]))
        share = args.boosted_share if weights else 1.0
        weights = ([1.0 - share] if weights else []) + [share / len(bags)] * len(bags)
        parts.extend(bags)
    if not parts:
        raise ValueError("no trees: --trees and --boosted-rounds are both 0")
    explained = 1 - ((y - mean - z @ components) ** 2).sum() / ((y - mean) ** 2).sum()
    return forest.Average(*parts, weights=weights), components, mean, float(explained)


def rms_levels(shift, target):
    """Root mean squared error of the shifts, in levels of 255 (mean over pairs of each pair's MSE)."""
    return float(np.sqrt(np.mean((shift - target) ** 2)) * 255)


CEILING_RESIDUAL = 9.7 / 255     # RMS error the exact curves leave on eval's photos (its "ceiling: curves")


def psnr_proxy(shift, target):
    """Mean over pairs of -10 log10(MSE of the shift + the curves ceiling's residual), in dB: every pair counts alike,
    as eval's mean PSNR counts every edit alike (the RMS error lets the largest edits dominate)."""
    mse = np.mean((shift - target) ** 2, axis=1)
    return float(np.mean(-10 * np.log10(mse + CEILING_RESIDUAL ** 2)))


def closer_share(shift, target):
    """Share of pairs whose shift error is below doing nothing's (eval's "brought closer", in the quantile shifts)."""
    return float(np.mean(np.mean((shift - target) ** 2, axis=1) < np.mean(target ** 2, axis=1)))


def calibrate(raw, target, raw_originals, max_moved, criterion="rms", groups=None, min_closer=0.0):
    """(amount, threshold, grid): the least error (criterion rms) or the highest PSNR proxy (criterion psnr) on the
    edited pairs among the settings that move the originals by at most max_moved levels RMS and bring at least
    min_closer of each group's pairs closer (the least-moving setting when none does). With groups (a group index per
    pair, e.g. a family of edits each), the error and the proxy are the mean of the groups'. Grid rows: amount,
    threshold, RMS error, originals moved, PSNR proxy gain, the least group's closer share."""
    groups = np.zeros(len(raw), dtype=int) if groups is None else np.asarray(groups)
    ids = sorted(set(groups.tolist()))
    grid = []
    for amount in np.arange(0.5, 1.51, 0.05):
        for threshold in (0.0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06):
            cal = tone.calibrate_shift(torch.from_numpy(raw), amount, threshold).numpy()
            cal_o = tone.calibrate_shift(torch.from_numpy(raw_originals), amount, threshold).numpy()
            parts = [(rms_levels(cal[groups == g], target[groups == g]),
                      psnr_proxy(cal[groups == g], target[groups == g]) - psnr_proxy(0 * target[groups == g],
                                                                                    target[groups == g]),
                      closer_share(cal[groups == g], target[groups == g])) for g in ids]
            grid.append((round(float(amount), 2), threshold, float(np.mean([p[0] for p in parts])),
                         rms_levels(cal_o, 0 * cal_o), float(np.mean([p[1] for p in parts])),
                         float(min(p[2] for p in parts))))
    allowed = [g for g in grid if g[3] <= max_moved and g[5] >= min_closer]
    score = (lambda g: g[2]) if criterion == "rms" else (lambda g: -g[4])
    best = min(allowed, key=score) if allowed else min(grid, key=lambda g: (g[3] > max_moved, -g[5], g[3]))
    return best[0], best[1], grid


def main(argv=None):
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    started = time.time()
    train_sets = [data.HistogramPairs(path) for path in args.train]
    train_pairs = train_sets[0]
    if any(t.bins != train_pairs.bins for t in train_sets):
        raise data.DatasetError("the training dataset files have different bins")
    val_sets = [data.HistogramPairs(path) for path in args.val]
    val_pairs = val_sets[0]
    if any(v.bins != train_pairs.bins for v in val_sets):
        raise data.DatasetError("the validation files' bins differ from the training files'")
    parts = [read(t, args.limit) for t in train_sets]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    originals = torch.cat([p[3] for p in parts])
    val_parts = [read(v, with_kl=True) for v in val_sets]
    vx = np.concatenate([p[0] for p in val_parts])
    vy = np.concatenate([p[1] for p in val_parts])
    v_kl_edited = np.concatenate([p[2] for p in val_parts])
    v_originals = torch.cat([p[3] for p in val_parts])
    v_group = np.concatenate([np.full(len(p[0]), i) for i, p in enumerate(val_parts)])
    edited = ~np.all(np.abs(vy) < 1e-7, axis=1)        # the validation pairs an edit changed
    if args.originals > 0:
        with torch.no_grad():
            ox = stats.HistogramStats(train_pairs.bins)(originals).numpy()
        x = np.concatenate([x] + [ox] * args.originals)
        y = np.concatenate([y] + [np.zeros((len(ox), y.shape[1]), y.dtype)] * args.originals)
    print(f"read {len(x)} training and {len(vx)} validation pairs, {x.shape[1]} statistics, "
          f"{time.time() - started:.0f} s", flush=True)

    if args.load_fit:
        saved = torch.load(args.load_fit)
        ensemble, components, mean, explained = saved["ensemble"], saved["components"], saved["mean"], saved["explained"]
    else:
        ensemble, components, mean, explained = fit(x, y, args)
    if args.save_fit:
        torch.save({"ensemble": ensemble, "components": components, "mean": mean, "explained": explained}, args.save_fit)
    print(f"fitted {describe(ensemble)}; {args.components} components explain {explained:.3f} of the shifts, "
          f"{time.time() - started:.0f} s", flush=True)

    def raw_shift(features):
        out = []
        with torch.no_grad():
            for start in range(0, len(features), 2048):
                out.append(ensemble(torch.from_numpy(np.ascontiguousarray(features[start:start + 2048],
                                                                          dtype=np.float32))).numpy())
        return (np.concatenate(out) @ components + mean).astype(np.float32)

    with torch.no_grad():
        o_stats = stats.HistogramStats(val_pairs.bins)(v_originals).numpy()
    v_raw = raw_shift(vx)
    o_raw = raw_shift(o_stats)
    amount, threshold, grid = calibrate(v_raw[edited], vy[edited], o_raw, args.max_moved, args.calibrate_for,
                                        v_group[edited], args.min_closer)
    cal = tone.calibrate_shift(torch.from_numpy(v_raw), amount, threshold).numpy()
    cal_o = tone.calibrate_shift(torch.from_numpy(o_raw), amount, threshold).numpy()
    nothing_proxy = psnr_proxy(0 * vy[edited], vy[edited])
    figures = {
        "pairs": len(vx),
        "originals": len(o_raw),
        "edited_pairs": int(edited.sum()),
        "rms_shift_error_levels": {"edited": rms_levels(0 * vy[edited], vy[edited]),
                                   "as_fitted": rms_levels(v_raw[edited], vy[edited]),
                                   "calibrated": rms_levels(cal[edited], vy[edited])},
        "originals_moved_rms_levels": {"as_fitted": rms_levels(o_raw, 0 * o_raw), "calibrated": rms_levels(cal_o, 0 * cal_o)},
        "train_rms_shift_error_levels": rms_levels(raw_shift(x[:2000]), y[:2000]),
        "psnr_proxy_gain_db": {"as_fitted": psnr_proxy(v_raw[edited], vy[edited]) - nothing_proxy,
                               "calibrated": psnr_proxy(cal[edited], vy[edited]) - nothing_proxy},
        "closer_share": {"as_fitted": closer_share(v_raw[edited], vy[edited]),
                         "calibrated": closer_share(cal[edited], vy[edited])},
        "by_file": {os.path.basename(path): {
            "psnr_proxy_gain_db": psnr_proxy(cal[edited & (v_group == i)], vy[edited & (v_group == i)])
            - psnr_proxy(0 * vy[edited & (v_group == i)], vy[edited & (v_group == i)]),
            "closer_share": closer_share(cal[edited & (v_group == i)], vy[edited & (v_group == i)]),
            "rms_shift_error_levels": rms_levels(cal[edited & (v_group == i)], vy[edited & (v_group == i)])}
            for i, path in enumerate(args.val)},
    }
    print(json.dumps(figures), flush=True)
    print(f"calibrated: amount {amount:.2f}, threshold {threshold}", flush=True)

    model = tone.ToneModel(ensemble, components, mean, bins=train_pairs.bins, amount=amount, threshold=threshold)
    model.eval()
    kl = float(np.average([validation_kl(model, v) for v in val_sets], weights=[len(v) for v in val_sets]))
    figures["kl_predicted_to_original"] = kl
    figures["kl_edited_to_original"] = float(np.mean(v_kl_edited))
    print(f"KL(original || predicted) {kl:.3f} against KL(original || edited) {np.mean(v_kl_edited):.3f} "
          "(information, not fitted)", flush=True)
    agreement = check_graph(model, raw_shift, val_parts[0][0][:64], val_pairs)

    onnx_path = args.out + ".onnx"
    export.export_onnx(model, onnx_path, train_pairs.bins)
    reference = export.reference_sample(model, export.reference_input(train_pairs.bins))
    card = make_card(args, model, ensemble, figures, amount, threshold, grid, explained, agreement, reference,
                     len(x), time.time() - started)
    export.write_card(args.out + ".json", card)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.1f} MB) and {args.out}.json in "
          f"{(time.time() - started) / 60:.1f} min", flush=True)
    return model


def validation_kl(model, pairs):
    out = []
    with torch.no_grad():
        for start in range(0, len(pairs), CHUNK):
            e, o = pairs.batch(np.arange(start, min(len(pairs), start + CHUNK)))
            out.append(floored_kl(torch.from_numpy(o), model(torch.from_numpy(e))).numpy())
    return float(np.mean(np.concatenate(out)))


def describe(ensemble):
    kinds = {forest.TreeEnsemble: "randomised", forest.BoostedTrees: "boosted"}
    return " + ".join(f"{p.count} {kinds[type(p)]} trees (depth {p.depth}, {p.nodes} nodes at most)"
                      for p in ensemble.models)


def check_graph(model, raw_shift, features, pairs):
    """The whole model, from histograms, must answer what its trees answer from the statistics computed apart."""
    e, _ = pairs.batch(np.arange(len(features)))
    with torch.no_grad():
        ours = model.raw_shift(torch.from_numpy(e)).reshape(len(e), -1).numpy()
    worst = float(np.abs(ours - raw_shift(features)).max())
    if worst > 1e-4:
        raise AssertionError(f"the model's graph differs from its trees by {worst}")
    return worst


def make_card(args, model, ensemble, figures, amount, threshold, grid, explained, agreement, reference, train_count,
              seconds):
    bins = model.stats.bins
    card = export.card_header(os.path.basename(args.out), bins,
                              "the input pushed through three predicted tone curves (the predicted original's "
                              "histogram), sums to 1")
    card.update({
        "summary": "boosted trees on histogram statistics predict three tone curves",
        "architecture": (f"ToneModel: {len(stats.NAMES)} histogram statistics -> the mean of {describe(ensemble)} -> "
                         f"{args.components} principal components of the per-channel "
                         f"quantile shift (K={tone.LEVELS_K} levels) -> calibrated shift -> monotone curves at the bin "
                         "edges -> input histogram pushed through them"),
        "parameters": ensemble.parameter_count() + int(model.components.numel()),
        "training": {
            "loss": "mean squared error of each channel's quantile shift (the RGB error the curves leave), "
                    "on principal components",
            "randomised_trees": {"count": args.trees, "min_samples_leaf": args.min_leaf, "max_features": args.max_features},
            "boosted_trees": {"rounds_per_component": args.boosted_rounds, "learning_rate": 0.05, "max_leaf_nodes": 15,
                              "min_samples_leaf": args.boosted_min_leaf, "l2_regularization": 1.0,
                              "bags": args.boosted_bags, "bootstrap": args.boosted_bootstrap,
                              "early_stopping": args.boosted_early_stopping},
            "weights": [float(w) for w in ensemble.weights],
            "train_files": [os.path.basename(t) for t in args.train],
            "components": args.components, "components_explain": explained, "seed": args.seed,
            "originals_added": args.originals,
            "train_pairs": train_count, "val_pairs": figures["pairs"], "val_files": [os.path.basename(v) for v in args.val],
            "minutes": seconds / 60,
            "graph_vs_trees_max_difference": agreement,
        },
        "validation": figures,
        "calibration": {
            "amount": amount, "threshold": threshold,
            "how": "shift' = amount * max(0, 1 - threshold / rms(shift)) * shift; of the settings that move the "
                   f"validation originals by at most {args.max_moved} levels RMS, "
                   + ("the least quantile-shift error on the edited validation pairs" if args.calibrate_for == "rms"
                      else "the highest PSNR proxy gain on the edited validation pairs (psnr_proxy_gain_db)")
                   + (f", bringing at least {args.min_closer:.0%} of each validation file's edited pairs closer"
                      if args.min_closer > 0 else "") + (" (the mean over the validation files)" if len(args.val) > 1 else ""),
            "min_closer": args.min_closer,
            "criterion": args.calibrate_for,
            "grid": [{"amount": a, "threshold": t, "rms_error_levels": e, "originals_moved_rms_levels": m,
                      "psnr_proxy_gain_db": g, "least_closer_share": c}
                     for a, t, e, m, g, c in grid],
        },
        "statistics": stats.NAMES,
        "reference_output": export.reference_output(reference),
        "commands": [" ".join(["python3", "src/training/train_tone.py"] + sys.argv[1:])],
    })
    if args.card:
        with open(args.card, encoding="utf-8") as f:
            card["data"] = json.load(f)
    return card


if __name__ == "__main__":
    main()
