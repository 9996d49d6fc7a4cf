#!/usr/bin/env python3
"""Writes tiny ONNX models that are wrong on purpose, with their model cards, for the Java tests of
model faults (src/test/resources/fixtures/models/). Each is a few hundred bytes: the faults live in
the graph, not in weights. They are exported the way the real model is (retone_train.export: opset,
tensor names, dynamic batch axis), so the only thing wrong with each is the fault it is named after.

    /usr/bin/python3 src/training/make_fault_models.py [OUT_DIR]

Every card says when Retone must notice its fault: "load" (OnnxHistogramPredictor.load checks the
input shape, runs a uniform histogram and the card's reference input) or "predict" (the fault only
shows on a histogram with empty bins, as every real photo's has, so it passes the load checks; for
those the card's reference_output is exact, so the load really gets past it).
"""
import os
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from retone_train import export  # noqa: E402

BINS = 32
CELLS = BINS ** 3
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "resources", "fixtures", "models")


class Identity(nn.Module):
    """A healthy model for comparison: a 3x3x3 convolution whose kernel is a delta, then ReLU."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(1, 1, 3, padding=1)
        with torch.no_grad():
            self.conv.weight.zero_()
            self.conv.weight[0, 0, 1, 1, 1] = 1.0
            self.conv.bias.zero_()

    def forward(self, x):
        return torch.relu(self.conv(x))


class RedderByOneBin(nn.Module):
    """A healthy model of another size: a 3x3x3 convolution whose kernel is a delta one bin lower in red, so every
    bin's mass moves one red bin up (a warmer look), then ReLU. The top red bins' mass leaves the cube; the app
    renormalises what is left."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(1, 1, 3, padding=1)
        with torch.no_grad():
            self.conv.weight.zero_()
            self.conv.weight[0, 0, 0, 1, 1] = 1.0
            self.conv.bias.zero_()

    def forward(self, x):
        return torch.relu(self.conv(x))


class Lambda(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


def nan_always(x):
    return x + float("nan")


def nan_on_empty_bins(x):
    # 0 / 0 in an empty bin: the classic unguarded division (log, normalisation by a bin's own mass)
    return x * (x / x)


def negative_always(x):
    return x - 2.0 / CELLS


def negative_on_empty_bins(x):
    # a bias that pushes empty bins below zero, as an output layer without a final ReLU/softmax can
    return x - 1e-4 * (x == 0).to(x.dtype)


def zero_output(x):
    return x * 0.0


def output_16(x):
    # averages 2x2x2 blocks: a 16^3 histogram for a 32^3 input
    return nn.functional.avg_pool3d(x, 2) * 8.0


def output_drops_empty_bins(x):
    # a 1-D output of the non-empty bins only: the right size only when no bin is empty
    return x[x > 0]


def flat_input(x):
    return torch.relu(x.reshape(-1, 1, BINS, BINS, BINS))


# name: (module, input shape without the batch axis, input name, fault description, caught at); the card says
# BINS bins unless CARD_BINS says otherwise
FIXTURES = {
    "identity": (Identity(), (1, BINS, BINS, BINS), export.INPUT_NAME,
                 "none: a healthy model that gives its input back, to show the fixtures load and run", None),
    "nan-always": (Lambda(nan_always), (1, BINS, BINS, BINS), export.INPUT_NAME,
                   "every output value is NaN", "load"),
    "nan-on-empty-bins": (Lambda(nan_on_empty_bins), (1, BINS, BINS, BINS), export.INPUT_NAME,
                          "NaN in every bin the input leaves empty (0 / 0); fine for the uniform and reference inputs",
                          "predict"),
    "negative-always": (Lambda(negative_always), (1, BINS, BINS, BINS), export.INPUT_NAME,
                        "every output value is 1/B^3 below zero", "load"),
    "negative-on-empty-bins": (Lambda(negative_on_empty_bins), (1, BINS, BINS, BINS), export.INPUT_NAME,
                               "-1e-4 (negative mass) in every bin the input leaves empty; fine for the uniform and "
                               "reference inputs", "predict"),
    "zero-output": (Lambda(zero_output), (1, BINS, BINS, BINS), export.INPUT_NAME,
                    "the output is all zeros (no mass at all)", "load"),
    "input-16-card-32": (Lambda(torch.relu), (1, 16, 16, 16), export.INPUT_NAME,
                         "the graph takes 16^3 histograms; its card says 32 bins", "load"),
    "input-flat-card-32": (Lambda(flat_input), (CELLS,), export.INPUT_NAME,
                           "the graph takes a 2-D input [N, 32768]; the card and Retone give [N, 1, 32, 32, 32]", "load"),
    "input-named-x": (Lambda(torch.relu), (1, BINS, BINS, BINS), "x",
                      "the graph's input is named 'x'; its card says 'histogram'", "load"),
    "output-16": (Lambda(output_16), (1, BINS, BINS, BINS), export.INPUT_NAME,
                  "the output is 16^3 (4096 values) for a 32^3 input", "load"),
    "output-drops-empty-bins": (Lambda(output_drops_empty_bins), (1, BINS, BINS, BINS), export.INPUT_NAME,
                                "a 1-D output of the non-empty bins only: 32768 values for the uniform and reference "
                                "inputs, fewer for a photo", "predict"),
    "redder-16": (RedderByOneBin(), (1, 16, 16, 16), export.INPUT_NAME,
                  "none: a healthy model of 16 bins (the card says so), moving every bin's mass one red bin up, to show "
                  "a model of another size than 32 works", None),
    "redder-64": (RedderByOneBin(), (1, 64, 64, 64), export.INPUT_NAME,
                  "none: a healthy model of 64 bins (the card says so), moving every bin's mass one red bin up, to show "
                  "a model of the largest size a card may give works", None),
}
CARD_BINS = {"redder-16": 16, "redder-64": 64}


def export_graph(module, path, shape, input_name):
    module.eval()
    dummy = torch.full((1,) + shape, 1.0 / int(np.prod(shape)))
    torch.onnx.export(module, dummy, path, input_names=[input_name], output_names=[export.OUTPUT_NAME],
                      dynamic_axes={input_name: {0: "batch"}, export.OUTPUT_NAME: {0: "batch"}},
                      opset_version=export.OPSET, do_constant_folding=True)


def reference(module, shape, bins):
    """The card's reference_output as train.py writes it, or None when the model cannot answer it sensibly."""
    if shape != (1, bins, bins, bins):
        return None  # the reference input does not even fit: the shape check stops the load first
    out = export.reference_sample(module, export.reference_input(bins))
    if not np.all(np.isfinite(out)):
        return None  # JSON has no NaN; the uniform input stops the load first anyway
    return export.reference_output(out)


def card_for(name, module, shape, fault, caught):
    bins = CARD_BINS.get(name, BINS)
    card = {
        "name": name,
        "format": "onnx",
        "opset": export.OPSET,
        "bins": bins,
        "input": {"name": export.INPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32"},
        "output": {"name": export.OUTPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32"},
        "parameters": sum(p.numel() for p in module.parameters()),
        "fault": {"what": fault, "caught_at": caught},
        "made_by": "src/training/make_fault_models.py (a test fixture, not a model to use)",
    }
    ref = reference(module, shape, bins)
    if ref is not None:
        card["reference_output"] = ref
    return card


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    out_dir = argv[0] if argv else DEFAULT_OUT
    os.makedirs(out_dir, exist_ok=True)
    for name, (module, shape, input_name, fault, caught) in FIXTURES.items():
        onnx = os.path.join(out_dir, name + ".onnx")
        export_graph(module, onnx, shape, input_name)
        export.write_card(os.path.join(out_dir, name + ".json"), card_for(name, module, shape, fault, caught))
        log(f"{name}: {os.path.getsize(onnx)} bytes, fault caught at {caught or '-'}")
    # the healthy model cut short, as an interrupted copy or download leaves it; its card is whole
    with open(os.path.join(out_dir, "identity.onnx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out_dir, "truncated.onnx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    module, shape = FIXTURES["identity"][0], FIXTURES["identity"][1]
    export.write_card(os.path.join(out_dir, "truncated.json"),
                      card_for("truncated", module, shape, "the first half of identity.onnx: a file cut short", "load"))
    log(f"truncated: {len(whole) // 2} of {len(whole)} bytes, fault caught at load")


def log(line):
    if __name__ == "__main__":
        print(line)


if __name__ == "__main__":
    main()
