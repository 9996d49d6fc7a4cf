#!/usr/bin/env python3
"""Exports a saved checkpoint (OUT.pt from train.py) to ONNX with a minimal model card, to try a
model with the Java side ('retone eval --models DIR') while training goes on.

    python3 src/training/export_checkpoint.py /work/data/histonet-v1.pt /tmp/models/histonet-v1 --arch curves
    ... --calibrate val.rthd        fit a CurveNet's calibration on validation pairs (as train.py does)
    ... --amount 0.9 --threshold 0.02   or give it
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from retone_train import calibrate, data, export  # noqa: E402
from retone_train.model import CurveNet, HistoNet, RefinedCurveNet  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint")
    p.add_argument("out", help="output path without extension")
    p.add_argument("--arch", choices=["curves", "refined", "unet"], default="curves")
    p.add_argument("--bins", type=int, default=32)
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--calibrate", metavar="VAL", help="validation dataset to fit a CurveNet's calibration on")
    p.add_argument("--amount", type=float, help="calibration: share of the curves' change kept (0..1]")
    p.add_argument("--threshold", type=float, default=0.0, help="calibration: RMS shift below which curves are dropped")
    a = p.parse_args()
    model = {"curves": CurveNet, "refined": RefinedCurveNet, "unet": HistoNet}[a.arch](bins=a.bins, width=a.width)
    model.load_state_dict(torch.load(a.checkpoint))
    calibration = None
    if a.calibrate or a.amount is not None:
        if a.arch != "curves":
            raise SystemExit("export_checkpoint.py: calibration applies to --arch curves only")
        if a.calibrate:
            amount, threshold, _ = calibrate.fit(model, data.HistogramPairs(a.calibrate))
        else:
            amount, threshold = a.amount, a.threshold
        model = calibrate.CalibratedCurveNet(model, amount, threshold)
        calibration = {"amount": amount, "threshold": threshold}
    export.export_onnx(model, a.out + ".onnx", a.bins)
    reference = export.reference_sample(model, export.reference_input(a.bins))
    export.write_card(a.out + ".json", {"name": os.path.basename(a.out), "bins": a.bins, "opset": export.OPSET,
                                        "reference_output": export.reference_output(reference),
                                        "input": {"name": export.INPUT_NAME}, "output": {"name": export.OUTPUT_NAME},
                                        "calibration": calibration,
                                        "note": "exported from a checkpoint for trying out; not a release"})
    print(f"wrote {a.out}.onnx")


if __name__ == "__main__":
    main()
