"""The faulty models the Java tests load (src/test/resources/fixtures/models) are what the script makes."""
import os
import tempfile
import unittest

import make_fault_models

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "test", "resources", "fixtures", "models")


class FaultModelsTest(unittest.TestCase):
    def test_the_committed_fixtures_are_what_the_script_writes(self):
        with tempfile.TemporaryDirectory() as d:
            make_fault_models.main([d])
            made = sorted(os.listdir(d))
            self.assertEqual(made, sorted(os.listdir(FIXTURES)))
            for name in made:
                with open(os.path.join(d, name), "rb") as a, open(os.path.join(FIXTURES, name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), f"{name}: run src/training/make_fault_models.py again")
                if name.endswith(".onnx"):
                    self.assertLess(os.path.getsize(os.path.join(d, name)), 8192, name)


if __name__ == "__main__":
    unittest.main()
