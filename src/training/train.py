#!/usr/bin/env python3
"""Trains HistoNet on a Retone dataset file and exports it to ONNX with its model card.

Single process:   python3 src/training/train.py --train train.rthd --val val.rthd --out models/histonet-v1
Distributed:      torchrun --nproc_per_node 2 src/training/train.py ...   (gloo, same code)

Logs train and validation loss per epoch; stops early when the validation loss has not improved
for --patience epochs, and keeps the best epoch's weights. A CurveNet is then calibrated on the
validation pairs (retone_train/calibrate.py: how far to trust its curves, and below which size
to leave a photo alone) and exported with that calibration; --no-calibrate exports it as trained.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.distributed as dist

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from retone_train import calibrate, data, export, losses  # noqa: E402
from retone_train.model import CurveNet, HistoNet, RefinedCurveNet, parameter_count  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True, help="training dataset file (from 'retone dataset')")
    p.add_argument("--val", required=True, help="validation dataset file, from other photos")
    p.add_argument("--out", required=True, help="output path without extension: writes OUT.onnx, OUT.json, OUT.pt")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--arch", choices=["curves", "refined", "unet"], default="curves",
                   help="curves: CurveNet (encoder + tone curves, output = input pushed through them); "
                        "unet: HistoNet (free 3D U-Net output)")
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--sigma", type=float, default=1.5, help="blur (bins) of the smoothed KL loss")
    weights = losses.DEFAULT_WEIGHTS
    p.add_argument("--smoothed-kl-weight", type=float, default=weights["smoothed_weight"],
                   help="weight of the KL on blurred histograms")
    p.add_argument("--plain-kl-weight", type=float, default=weights["plain_weight"],
                   help="weight of the plain KL (the seed's loss)")
    p.add_argument("--w1-weight", type=float, default=weights["w1_weight"],
                   help="weight of the marginals' Wasserstein-1 distance (for tone curves, the loss whose optimum is "
                        "the curves matching each channel's histogram)")
    p.add_argument("--metric-kl-weight", type=float, default=weights["metric_weight"],
                   help="weight of a loss term that is the KL exactly as 'retone eval' measures it (floor 1e-6 per bin)")
    p.add_argument("--permute-channels", action="store_true",
                   help="augment: give each training pair (edited and original alike) a random order of R, G, B")
    p.add_argument("--patience", type=int, default=4)
    p.add_argument("--max-minutes", type=float, default=110.0, help="stop starting epochs after this long")
    p.add_argument("--limit", type=int, default=0, help="use only the first N training pairs (tests)")
    p.add_argument("--epoch-size", type=int, default=0,
                   help="pairs drawn at random per epoch (0: all); smaller epochs validate more often")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--card", default=None, help="JSON file whose fields are merged into the model card")
    p.add_argument("--no-calibrate", dest="calibrate", action="store_false",
                   help="export the network as trained, without fitting its calibration on the validation pairs")
    return p.parse_args(argv)


ARCHITECTURES = {
    "curves": "CurveNet: 3D conv encoder (width {width}; 32->16->8->4, stride-2 early) + per-channel cumulative "
              "marginals -> MLP -> three monotone tone curves (8 cosine modes + black point); output = the input "
              "histogram pushed exactly through the curves (no invented colours; identity at initialisation)",
    "refined": "RefinedCurveNet: the CurveNet tone curves, then a small 3D U-Net (width {width}; 32->16->8->16->32, "
               "skip connection) that reweights the pushed histogram by at most e^+-3 where it has mass; softmax over "
               "the bins (no colours far from the photo's can appear)",
    "unet": "HistoNet 3D U-Net, width {width}, stride-2 stem 32->16->8->4 with global context, skip connections, "
            "residual on log input, softmax over bins",
}


def matmul_gflops(size=512, repeats=8):
    """Measured float32 matrix-product speed: Debian's torch uses whichever BLAS is installed, and the
    reference BLAS (libblas3) makes training about 4 times slower than OpenBLAS (libopenblas0-pthread)."""
    a = torch.rand(size, size)
    a @ a
    t0 = time.perf_counter()
    for _ in range(repeats):
        a @ a
    return 2 * size ** 3 * repeats / max(time.perf_counter() - t0, 1e-9) / 1e9


def log(rank, *args):
    if rank == 0:
        print(*args, flush=True)


PERMUTATIONS = ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0))


def permute_channels(edited, original, rng):
    """The pairs with each one's colour axes in a random order, the same for its edited and original
    histogram: an edit of a photo with its channels swapped is undone by the same curves, swapped."""
    choice = rng.integers(0, len(PERMUTATIONS), size=edited.shape[0])
    edited, original = edited.clone(), original.clone()
    for k, axes in enumerate(PERMUTATIONS):
        rows = torch.from_numpy(np.flatnonzero(choice == k))
        if k == 0 or len(rows) == 0:
            continue
        order = (0, 1) + tuple(2 + a for a in axes)
        edited[rows] = edited[rows].permute(order)
        original[rows] = original[rows].permute(order)
    return edited, original


def loss_weights(args):
    """The weights of the loss's terms (losses.TERMS) given on the command line."""
    return {"smoothed_weight": args.smoothed_kl_weight, "plain_weight": args.plain_kl_weight,
            "w1_weight": args.w1_weight, "metric_weight": args.metric_kl_weight}


def loss_of(args, original, pred):
    return losses.training_loss(original, pred, args.sigma, **loss_weights(args))


def edited_kl(pairs, indices, batch):
    """Sums over the pairs at `indices` of KL(original || edited), with the loss's tiny floor (the
    history's `val_kl_edited`, kept so old cards compare) and as `retone eval` measures it. They do
    not depend on the network, so they are computed once, not every epoch."""
    total = {"kl_edited": 0.0, "kl_edited_eval": 0.0}
    for start in range(0, len(indices), batch):
        idx = indices[start:start + batch]
        edited, original = (torch.from_numpy(a) for a in pairs.batch(idx))
        total["kl_edited"] += losses.kl_divergence(original, edited).item() * len(idx)
        total["kl_edited_eval"] += losses.floored_kl(original.double(), edited.double()).sum().item()
    return total


def evaluate(model, pairs, indices, batch, args):
    """Sums over the pairs at `indices` of the loss and of KL(original || predicted), with the loss's
    tiny floor and as `retone eval` measures it (`kl_pred_eval`)."""
    model.eval()
    total = {"loss": 0.0, "kl_pred": 0.0, "kl_pred_eval": 0.0, "n": 0}
    with torch.no_grad():
        for start in range(0, len(indices), batch):
            idx = indices[start:start + batch]
            edited, original = (torch.from_numpy(a) for a in pairs.batch(idx))
            pred = model(edited)
            n = len(idx)
            total["loss"] += loss_of(args, original, pred).item() * n
            total["kl_pred"] += losses.kl_divergence(original, pred).item() * n
            total["kl_pred_eval"] += losses.floored_kl(original.double(), pred.double()).sum().item()
            total["n"] += n
    return total


def write_outputs(model, args, val, n_train, history, best, minutes, world=1, rank=0):
    """Calibrates (a CurveNet, unless --no-calibrate), exports OUT.onnx and writes the model card OUT.json."""
    bins = val.bins
    calibration = None
    exported = model
    if args.calibrate and isinstance(model, CurveNet):
        amount, threshold, table = calibrate.fit(model, val, log=lambda *a: log(rank, *a))
        exported = calibrate.CalibratedCurveNet(model, amount, threshold)
        calibration = {"amount": amount, "threshold": threshold,
                       "how": "fitted on the validation pairs after training (the weights are not changed): "
                              "curve' = x + amount * max(0, 1 - threshold / rms_shift) * (curve(x) - x), by the "
                              "marginal Wasserstein-2 distance to the originals with the unedited pairs weighted "
                              "to half, among the settings whose KL(original || predicted) is at most "
                              f"{calibrate.KL_BAR} x KL(original || edited) when any is; "
                              "see src/training/retone_train/calibrate.py",
                       "fit": {k: v for k, v in table.items() if k != "grid"}}
    export.export_onnx(exported, args.out + ".onnx", bins)
    reference = export.reference_sample(exported, export.reference_input(bins))
    card = export.card_header(os.path.basename(args.out), bins, "predicted histogram of a well-edited version, sums to 1")
    card.update({
        "architecture": ARCHITECTURES[args.arch].format(width=args.width) + (
            "; calibrated after training on the validation pairs: curve'(x) = x + amount * max(0, 1 - threshold / "
            "rms_shift) * (curve(x) - x), so small uncertain corrections vanish" if calibration else ""),
        "parameters": parameter_count(model),
        "training": {"loss": losses.describe_loss(args.sigma, **loss_weights(args)),
                     "optimiser": f"AdamW lr {args.lr} (one-cycle), weight decay {args.weight_decay}, batch {args.batch}",
                     "dropout": args.dropout, "processes": world, "epochs_run": len(history),
                     "best_epoch": best["epoch"], "minutes": minutes,
                     "train_pairs": n_train, "val_pairs": len(val)},
        "validation": {"loss": best["val_loss"], "kl_predicted_to_original": best["val_kl_predicted"],
                       "kl_edited_to_original": best["val_kl_edited"],
                       "eval_kl_ratio": best["val_eval_kl_ratio"],
                       "kl_note": f"kl_* use the loss's floor ({losses.TINY:g}); eval_kl_ratio is "
                                  "KL(original || predicted) / KL(original || edited) with the floor of "
                                  f"`retone eval` ({losses.EVAL_KL_FLOOR:g}), before calibration"},
        "calibration": calibration,
        "history": history,
        "reference_output": export.reference_output(reference),
    })
    if args.card:
        with open(args.card, encoding="utf-8") as f:
            card.update(json.load(f))
    export.write_card(args.out + ".json", card)
    log(rank, f"wrote {args.out}.onnx ({os.path.getsize(args.out + '.onnx')} bytes) and {args.out}.json")


def main(argv=None):
    args = parse_args(argv)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    if world > 1:
        dist.init_process_group("gloo")
    torch.set_num_threads(max(1, (os.cpu_count() or 2) // world))
    torch.manual_seed(args.seed + rank)          # different dropout masks on each rank
    rng = np.random.default_rng(args.seed)       # the same order of pairs on every rank
    augment_rng = np.random.default_rng(args.seed + 1000 + rank)
    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(out_dir):
        raise SystemExit(f"train.py: the output folder {out_dir} does not exist")
    if rank == 0 and os.path.exists(args.out + ".pt"):
        os.remove(args.out + ".pt")              # never export a previous run's weights

    train = data.HistogramPairs(args.train)
    val = data.HistogramPairs(args.val)
    if train.bins != val.bins:
        raise SystemExit("train and val datasets have different bins")
    bins = train.bins
    n_train = min(len(train), args.limit) if args.limit else len(train)

    if args.arch == "curves":
        model = CurveNet(bins=bins, width=args.width, dropout=args.dropout)
    elif args.arch == "refined":
        model = RefinedCurveNet(bins=bins, width=args.width, dropout=args.dropout)
    else:
        model = HistoNet(bins=bins, width=args.width, dropout=args.dropout)
    net = torch.nn.parallel.DistributedDataParallel(model) if world > 1 else model
    optimiser = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    log(rank, f"{type(model).__name__}: {parameter_count(model)} parameters; {n_train} training pairs, {len(val)} validation pairs, "
              f"{world} process(es), {torch.get_num_threads()} thread(s) each")

    if rank == 0:                                # once: every rank has the same library
        speed = matmul_gflops()
        log(rank, f"matrix products: {speed:.0f} GFLOP/s" + (
            " - slow: is the reference BLAS in use? apt-get install libopenblas0-pthread" if speed < 20 else ""))

    per_epoch = min(n_train, args.epoch_size) if args.epoch_size else n_train
    if per_epoch < args.batch * world:
        raise SystemExit(f"train.py: {per_epoch} pairs per epoch is less than one batch per process")
    steps_per_epoch = math.ceil(per_epoch / (args.batch * world))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, epochs=args.epochs,
                                                   steps_per_epoch=steps_per_epoch, pct_start=0.15)
    val_idx = np.arange(len(val))[rank::world]
    fixed = edited_kl(val, val_idx, 64)
    edited_sums = torch.tensor([fixed["kl_edited"], fixed["kl_edited_eval"]], dtype=torch.float64)
    if world > 1:
        dist.all_reduce(edited_sums)
    vkle, ekle = edited_sums.tolist()
    best = {"val_loss": float("inf"), "epoch": -1}
    history = []
    started = time.time()
    bad_epochs = 0
    best_state = None
    for epoch in range(args.epochs):
        out_of_time = torch.tensor([1.0 if (time.time() - started) / 60 > args.max_minutes else 0.0])
        if world > 1:
            dist.all_reduce(out_of_time, op=dist.ReduceOp.MAX)   # every rank stops at the same epoch
        if out_of_time.item() > 0:
            log(rank, f"stopping: {args.max_minutes} minutes used")
            break
        net.train()
        order = rng.permutation(n_train)[:per_epoch]   # same on every rank: same seed
        # pad by wrapping round so every rank gets the same number of full batches
        steps_needed = steps_per_epoch * args.batch * world
        order = np.resize(order, steps_needed)
        mine = order[rank::world]
        t0 = time.time()
        train_loss = 0.0
        seen = 0
        for step in range(steps_per_epoch):
            idx = mine[step * args.batch:(step + 1) * args.batch]
            edited, original = (torch.from_numpy(a) for a in train.batch(idx))
            if args.permute_channels:
                edited, original = permute_channels(edited, original, augment_rng)
            pred = net(edited)
            loss = loss_of(args, original, pred)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            train_loss += loss.item() * len(idx)
            seen += len(idx)
        stats = evaluate(model, val, val_idx, 64, args)
        sums = torch.tensor([train_loss, seen, stats["loss"], stats["kl_pred"], stats["kl_pred_eval"], stats["n"]],
                            dtype=torch.float64)
        if world > 1:
            dist.all_reduce(sums)
        train_loss, seen, vl, vkl, ekl, vn = sums.tolist()
        record = {"epoch": epoch + 1, "train_loss": train_loss / seen, "val_loss": vl / vn,
                  "val_kl_predicted": vkl / vn, "val_kl_edited": vkle / vn,
                  "val_eval_kl_ratio": ekl / ekle if ekle > 0 else None,   # None: every pair unedited (JSON has no NaN)
                  "seconds": round(time.time() - t0, 1)}
        history.append(record)
        log(rank, json.dumps(record))
        if not math.isfinite(record["val_loss"]):
            log(rank, "stopping: the validation loss is not a number")
            break
        if record["val_loss"] < best["val_loss"] - 1e-5:
            best = dict(record)
            bad_epochs = 0
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            if rank == 0:
                torch.save(best_state, args.out + ".pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log(rank, f"early stop: no improvement for {args.patience} epochs")
                break

    if world > 1:
        dist.barrier()
    if best_state is None:
        raise SystemExit("train.py: no epoch finished with a usable validation loss; nothing exported")
    if rank == 0:
        model.load_state_dict(best_state)
        write_outputs(model, args, val, n_train, history, best, round((time.time() - started) / 60, 1), world, rank)
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
