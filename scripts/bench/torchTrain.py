"""PyTorch side of scripts/bench/train.mjs: ms per training epoch of the baseline recipe on CPU.

Same recipe as ours: MLP 128 ReLU, BCEWithLogitsLoss, Adam 1e-3, batch 64 reshuffled each epoch.
Usage: /usr/bin/python3 scripts/bench/torchTrain.py --data yeast|synthetic [--threads 2] [--epochs 5]
Prints one JSON line: {"msPerEpoch": median, "epochs": [...], "peakRssMb": ...}.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))


def yeast(datasets):
    from mulanArff import read_mulan  # noqa: PLC0415

    x, y = read_mulan(os.path.join(datasets, "yeast", "yeast-train.arff"), os.path.join(datasets, "yeast", "yeast.xml"))
    x = (x - x.mean(0)) / np.where(x.std(0) > 0, x.std(0), 1)
    return x.astype(np.float32), y


def synthetic(rows=100_000, features=100, labels=20, seed=0):
    """Gaussian features, labels from a random linear map plus noise with label-specific thresholds (imbalanced)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, features), dtype=np.float32)
    scores = x @ rng.standard_normal((features, labels)).astype(np.float32) + rng.standard_normal((rows, labels)).astype(np.float32)
    positives = np.linspace(0.4, 0.01, labels)
    cut = np.array([np.quantile(scores[:, l], 1 - positives[l]) for l in range(labels)], dtype=np.float32)
    return x, (scores > cut).astype(np.float32)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="yeast")
    parser.add_argument("--datasets", default=os.environ.get("IMBALANCE_LENS_DATASETS", os.path.join(here, "..", "..", "..", "shared", "datasets")))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    x, y = yeast(args.datasets) if args.data == "yeast" else synthetic()
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 128), torch.nn.ReLU(), torch.nn.Linear(128, y.shape[1]))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    times = []
    for _ in range(args.epochs):
        started = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for start in range(0, len(order), 64):
            idx = order[start : start + 64]
            optimiser.zero_grad()
            loss_fn(model(x[idx]), y[idx]).backward()
            optimiser.step()
        times.append((time.perf_counter() - started) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"msPerEpoch": float(np.median(times)), "epochs": times, "peakRssMb": peak}))


if __name__ == "__main__":
    main()
