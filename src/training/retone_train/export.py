"""ONNX export and the model card."""
import json

import torch

INPUT_NAME = "histogram"
OUTPUT_NAME = "target"
OPSET = 17


def export_onnx(model, path, bins):
    model.eval()
    dummy = torch.full((1, 1, bins, bins, bins), 1.0 / bins ** 3)
    torch.onnx.export(model, dummy, str(path), input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                      dynamic_axes={INPUT_NAME: {0: "batch"}, OUTPUT_NAME: {0: "batch"}},
                      opset_version=OPSET, do_constant_folding=True)


def reference_input(bins):
    """A histogram any runtime can rebuild: mass of bin j proportional to 1 + (7 j) mod 13, to the 4th power."""
    import numpy as np
    j = np.arange(bins ** 3)
    h = (1.0 + (7 * j) % 13) ** 4
    return (h / h.sum()).astype(np.float32).reshape(bins, bins, bins)


def reference_sample(model, histogram):
    """The model's output for one histogram, to check another runtime against (first values, sums)."""
    model.eval()
    with torch.no_grad():
        out = model(torch.as_tensor(histogram).reshape(1, 1, *histogram.shape[-3:]))
    return out.numpy().reshape(-1)


def card_header(name, bins, output_meaning):
    """The first fields of every model card: what the app checks the .onnx file against."""
    return {
        "name": name,
        "format": "onnx",
        "opset": OPSET,
        "bins": bins,
        "input": {"name": INPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32",
                  "meaning": "normalised 3D RGB histogram of the photo's fixed-size copy, flat index (r*B+g)*B+b"},
        "output": {"name": OUTPUT_NAME, "shape": ["N", 1, bins, bins, bins], "dtype": "float32",
                   "meaning": output_meaning},
    }


def reference_output(reference):
    """The card's record of a model's answer to `reference_input`, which the app checks its runtime against."""
    import numpy as np
    reference = np.asarray(reference)
    return {"input": "bin j proportional to (1 + (7 j) mod 13)^4, normalised",
            "first_values": [float(v) for v in reference[:8]], "argmax": int(np.argmax(reference)),
            "max": float(reference.max()), "sum_of_squares": float((reference.astype(np.float64) ** 2).sum())}


def write_card(path, card):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(card, f, indent=2, sort_keys=False)
        f.write("\n")
