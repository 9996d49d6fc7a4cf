import os
import tempfile
import unittest

import torch

from retone_train import export
from retone_train.model import HistoNet


class ExportTest(unittest.TestCase):
    def test_onnx_has_the_contracted_names_shapes_and_opset(self):
        model = HistoNet(bins=32)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.onnx")
            export.export_onnx(model, path, 32)
            size = os.path.getsize(path)
            self.assertGreater(size, 10_000)
            self.assertLess(size, 10 * 1024 * 1024)
        text = torch.onnx.export_to_pretty_string(
            model.eval(), torch.full((1, 1, 32, 32, 32), 1 / 32 ** 3), input_names=[export.INPUT_NAME],
            output_names=[export.OUTPUT_NAME], dynamic_axes={export.INPUT_NAME: {0: "batch"}, export.OUTPUT_NAME: {0: "batch"}},
            opset_version=export.OPSET)
        self.assertLessEqual(export.OPSET, 17)
        self.assertIn(f'opset_import: [OperatorSetIdProto {{ domain: , version: {export.OPSET}}}]', text)
        # the batch axis is dynamic ("?"), the rest is [1, 32, 32, 32]
        self.assertIn('inputs: [{name: "histogram", type:Tensor dtype: 1, Tensor dims: ? 1 32 32 32}]', text)
        self.assertIn('outputs: [{name: "target", type:Tensor dtype: 1, Tensor dims: ? 1 32 32 32}]', text)
        self.assertIn('Softmax', text)

    def test_reference_sample_is_a_distribution(self):
        model = HistoNet(bins=8)
        h = torch.rand(8, 8, 8)
        out = export.reference_sample(model, (h / h.sum()).numpy())
        self.assertEqual(out.shape, (512,))
        self.assertAlmostEqual(float(out.sum()), 1.0, places=5)


if __name__ == "__main__":
    unittest.main()
