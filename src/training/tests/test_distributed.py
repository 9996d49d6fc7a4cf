"""The trainer runs distributed without change of code: two local processes, gloo backend."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

from retone_train import data

TRAINER = os.path.join(os.path.dirname(__file__), "..", "train.py")
LAUNCHER = os.path.join(os.path.dirname(__file__), "..", "launch_local.py")


def tiny_dataset(path, n, seed):
    rng = np.random.default_rng(seed)
    pairs = []
    for _ in range(n):
        original = rng.random((8, 8, 8)) ** 4
        edited = np.roll(original, 1, axis=0) + 0.01 * rng.random((8, 8, 8))
        pairs.append((edited / edited.sum(), original / original.sum()))
    data.write(path, 8, pairs)


class DistributedTest(unittest.TestCase):
    def run_trainer(self, d, launcher):
        train, val = os.path.join(d, "train.rthd"), os.path.join(d, "val.rthd")
        tiny_dataset(train, 24, 1)
        tiny_dataset(val, 8, 2)
        out = os.path.join(d, "m")
        cmd = launcher + [TRAINER, "--train", train, "--val", val, "--out", out,
                          "--epochs", "2", "--batch", "4", "--width", "4", "--patience", "5"]
        env = dict(os.environ, OMP_NUM_THREADS="1")
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result.stdout, out

    def test_two_processes_with_gloo(self):
        with tempfile.TemporaryDirectory() as d:
            # the torchrun environment (RANK, WORLD_SIZE, MASTER_*), set by launch_local.py: Debian's
            # torchrun itself fails on Python 3.11 before starting workers (see launch_local.py)
            launcher = [sys.executable, LAUNCHER, "--nproc", "2"]
            stdout, out = self.run_trainer(d, launcher)
            self.assertIn("2 process(es)", stdout)
            epochs = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
            self.assertEqual(len(epochs), 2)              # logged once (rank 0), not twice
            self.assertTrue(os.path.getsize(out + ".onnx") > 1000)
            with open(out + ".json") as f:
                card = json.load(f)
            self.assertEqual(card["training"]["processes"], 2)
            self.assertEqual(card["bins"], 8)
            for record in card["history"]:                # summed over both ranks' halves of the pairs
                self.assertTrue(0 < record["val_eval_kl_ratio"] < 2, record)

    def test_a_failing_rank_stops_the_others_promptly(self):
        with tempfile.TemporaryDirectory() as d:
            train = os.path.join(d, "train.rthd")
            tiny_dataset(train, 24, 1)
            # the output folder is missing: every rank refuses at once, none waits for the others
            cmd = [sys.executable, LAUNCHER, "--nproc", "2", TRAINER, "--train", train, "--val", train,
                   "--out", os.path.join(d, "missing", "m"), "--epochs", "1", "--batch", "4", "--width", "4"]
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("does not exist", result.stderr)

    def test_single_process_gives_a_model_card(self):
        with tempfile.TemporaryDirectory() as d:
            stdout, out = self.run_trainer(d, [sys.executable])
            self.assertIn("1 process(es)", stdout)
            with open(out + ".json") as f:
                card = json.load(f)
            for key in ("bins", "input", "output", "opset", "parameters", "training", "validation", "history"):
                self.assertIn(key, card)
            best = [r for r in card["history"] if r["epoch"] == card["training"]["best_epoch"]][0]
            self.assertEqual(card["validation"]["eval_kl_ratio"], best["val_eval_kl_ratio"])


if __name__ == "__main__":
    unittest.main()
