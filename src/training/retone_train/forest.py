"""Regression trees evaluated with gathers, so that torch.onnx exports a fitted ensemble.

scikit-learn fits the trees (extremely randomised trees: random split points, averaged over many
trees, which holds up on a few hundred photos where a network memorises them); `TreeEnsemble`
then evaluates them in torch: every tree steps one level down per iteration, a leaf points to
itself, so after `depth` iterations every tree is at its leaf. The exported graph is plain Gather,
LessOrEqual and Where (no ONNX-ML operator needed), and it answers exactly what scikit-learn's
`predict` answers, up to float32 rounding of the thresholds (tested).
"""
import numpy as np
import torch
from torch import nn


class _Trees(nn.Module):
    """Fitted trees as flat node tables, and the walk from the roots to the leaves.

    Each tree: arrays feature, threshold, left, right (node indices) and is_leaf. A leaf points to
    itself, so after `depth` steps every tree is at its leaf whatever its own depth.
    """

    def __init__(self, trees, features):
        super().__init__()
        count = len(trees)
        nodes = max(len(t["feature"]) for t in trees)
        feature = np.zeros((count, nodes), np.int64)
        threshold = np.zeros((count, nodes), np.float32)
        left = np.tile(np.arange(nodes, dtype=np.int64), (count, 1))
        right = left.copy()
        depth = 0
        for i, t in enumerate(trees):
            k = len(t["feature"])
            leaf = np.asarray(t["is_leaf"], bool)
            feature[i, :k] = np.where(leaf, 0, t["feature"])
            if np.any(feature[i] >= features):
                raise ValueError("a tree splits on a feature the input does not have")
            threshold[i, :k] = np.where(leaf, 0, t["threshold"])
            left[i, :k] = np.where(leaf, np.arange(k), t["left"])
            right[i, :k] = np.where(leaf, np.arange(k), t["right"])
            depth = max(depth, _depth(left[i, :k], right[i, :k]))
        self.depth = depth
        self.count = count
        self.nodes = nodes
        offsets = np.arange(count, dtype=np.int64) * nodes
        self.register_buffer("offsets", torch.from_numpy(offsets))
        self.register_buffer("feature", torch.from_numpy(feature.reshape(-1)))
        self.register_buffer("threshold", torch.from_numpy(threshold.reshape(-1)))
        self.register_buffer("left", torch.from_numpy((left + offsets[:, None]).reshape(-1)))
        self.register_buffer("right", torch.from_numpy((right + offsets[:, None]).reshape(-1)))

    def leaves(self, x):
        """[N, trees] flat index of the leaf each tree reaches for each row of x."""
        node = self.offsets.unsqueeze(0).expand(x.shape[0], -1)
        for _ in range(self.depth):
            v = torch.gather(x, 1, self.feature[node])
            node = torch.where(v <= self.threshold[node], self.left[node], self.right[node])
        return node

    @staticmethod
    def _table(trees, nodes, width):
        """The trees' leaf values in one [count * nodes, width] table (0 at inner nodes)."""
        table = np.zeros((len(trees), nodes, width), np.float32)
        for i, t in enumerate(trees):
            leaf = np.asarray(t["is_leaf"], bool)
            value = np.asarray(t["value"], np.float32).reshape(len(leaf), -1)
            table[i, :len(leaf)] = np.where(leaf[:, None], value, 0)
        return table.reshape(len(trees) * nodes, width)


class TreeEnsemble(_Trees):
    """out = bias + Σ over trees of the value at the tree's leaf for x (values [nodes, outputs] per
    tree, already weighted, e.g. divided by the number of trees for a mean)."""

    def __init__(self, trees, bias, features):
        super().__init__(trees, features)
        self.register_buffer("value", torch.from_numpy(self._table(trees, self.nodes, len(bias))))
        self.register_buffer("bias", torch.as_tensor(np.asarray(bias, np.float32)))

    def forward(self, x):
        return self.bias + self.value[self.leaves(x)].sum(dim=1)

    def parameter_count(self):
        return int(self.value.numel() + 2 * self.feature.numel())


def _depth(left, right):
    depth = 0
    level = [0]
    while True:
        nxt = [c for i in level for c in (left[i], right[i]) if c != i]
        if not nxt:
            return depth
        depth += 1
        level = nxt


def from_sklearn_forest(forest, features):
    """A TreeEnsemble answering a fitted ExtraTreesRegressor's / RandomForestRegressor's predict (the mean)."""
    trees = []
    count = len(forest.estimators_)
    for est in forest.estimators_:
        t = est.tree_
        trees.append({"feature": t.feature, "threshold": t.threshold, "left": t.children_left,
                      "right": t.children_right, "is_leaf": t.children_left < 0, "value": t.value[:, :, 0] / count})
    return TreeEnsemble(trees, np.zeros(trees[0]["value"].shape[1]), features)


class BoostedTrees(_Trees):
    """Gradient-boosted trees with one output each: out[k] = bias[k] + Σ over the trees of output k of their leaf.

    Leaves hold one number, and a [trees, outputs] one-hot map sends each tree's to its output, so
    thousands of small trees take little room.
    """

    def __init__(self, trees, outputs_of_trees, bias, features):
        super().__init__(trees, features)
        self.register_buffer("value", torch.from_numpy(self._table(trees, self.nodes, 1).reshape(-1)))
        onehot = np.zeros((self.count, len(bias)), np.float32)
        onehot[np.arange(self.count), outputs_of_trees] = 1
        self.register_buffer("onehot", torch.from_numpy(onehot))
        self.register_buffer("bias", torch.as_tensor(np.asarray(bias, np.float32)))

    def forward(self, x):
        return self.bias + self.value[self.leaves(x)] @ self.onehot

    def parameter_count(self):
        return int(self.value.numel() + 2 * self.feature.numel())


def from_sklearn_boosting(models, features):
    """A BoostedTrees answering a list of fitted HistGradientBoostingRegressor (one per output)."""
    trees, owner, bias = [], [], []
    for k, model in enumerate(models):
        bias.append(float(np.asarray(model._baseline_prediction).reshape(-1)[0]))
        for iteration in model._predictors:
            nodes = iteration[0].nodes
            trees.append({"feature": nodes["feature_idx"], "threshold": nodes["num_threshold"], "left": nodes["left"],
                          "right": nodes["right"], "is_leaf": nodes["is_leaf"], "value": nodes["value"]})
            owner.append(k)
    return BoostedTrees(trees, np.asarray(owner), bias, features)


class Average(nn.Module):
    """The mean of several models' answers, or their weighted mean (weights summing to 1) when weights are given."""

    def __init__(self, *models, weights=None):
        super().__init__()
        self.models = nn.ModuleList(models)
        if weights is None:
            weights = [1.0 / len(models)] * len(models)
        if len(weights) != len(models) or abs(sum(weights) - 1.0) > 1e-6:
            raise ValueError("one weight per model, summing to 1")
        self.weights = [float(w) for w in weights]

    def forward(self, x):
        return sum(w * m(x) for w, m in zip(self.weights, self.models))

    def parameter_count(self):
        return sum(m.parameter_count() for m in self.models)
