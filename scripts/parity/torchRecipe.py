"""The PyTorch reference for the training parity test (test/unit/train.parity.test.ts).

Recipe: features standardised on the train file (mean, population std; a constant column is
left centred), MLP with one hidden layer of 128 ReLU units (nn.Linear default init), Adam lr 1e-3
(betas 0.9/0.999, eps 1e-8), batch 64 reshuffled every epoch (last batch kept), 60 epochs, no
early stopping; threshold 0.5 on the sigmoid; macro-F1 on the MULAN test file
(sklearn f1_score, zero_division=0); mean over seeds.

Usage: /usr/bin/python3 scripts/parity/torchRecipe.py [--datasets DIR] [--seeds 0,1,2,3,4]
       [--cases emotions:bce,yeast:asl,...] [--epochs 60] [--threads 1] [--json]
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from sklearn.metrics import f1_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mulanArff import read_mulan  # noqa: E402

DEFAULT_CASES = "emotions:bce,emotions:wbce,yeast:bce,yeast:wbce,yeast:asl,scene:bce,scene:wbce"


def asymmetric_loss_mean(x, y, gamma_neg=4.0, gamma_pos=0.0, clip=0.05, eps=1e-8):
    """Ridnik et al. 2021, Alibaba-MIIL/ASL AsymmetricLoss (focusing weight differentiated), but mean instead of -sum."""
    xs_pos = torch.sigmoid(x)
    xs_neg = (1 - xs_pos + clip).clamp(max=1)
    loss = y * torch.log(xs_pos.clamp(min=eps)) + (1 - y) * torch.log(xs_neg.clamp(min=eps))
    pt = xs_pos * y + xs_neg * (1 - y)
    loss = loss * torch.pow(1 - pt, gamma_pos * y + gamma_neg * (1 - y))
    return -loss.mean()


def class_balanced_weights(y, beta=0.999):
    """Cui et al. 2019: (1 - beta) / (1 - beta^n_l), normalised to sum to the number of labels."""
    n = y.sum(0).clamp(min=1).double()
    w = (1 - beta) / (1 - torch.pow(torch.tensor(beta, dtype=torch.float64), n))
    return (w * len(w) / w.sum()).float()


def make_loss(kind, y_train):
    pos = y_train.sum(0)
    neg = y_train.shape[0] - pos
    if kind == "bce":
        return torch.nn.BCEWithLogitsLoss()
    if kind == "wbce":
        return torch.nn.BCEWithLogitsLoss(pos_weight=torch.where(pos > 0, neg / pos.clamp(min=1), torch.ones_like(pos)))
    if kind == "asl":
        return asymmetric_loss_mean
    if kind == "focal":
        from torchvision.ops import sigmoid_focal_loss  # noqa: PLC0415

        return lambda x, y: sigmoid_focal_loss(x, y, alpha=0.25, gamma=2, reduction="mean")
    if kind == "cbbce":
        return torch.nn.BCEWithLogitsLoss(weight=class_balanced_weights(y_train))
    raise ValueError(kind)


def standardise(train, test):
    mean = train.mean(0)
    std = train.std(0)
    std[std == 0] = 1
    return ((train - mean) / std).astype(np.float32), ((test - mean) / std).astype(np.float32)


def run_case(datasets, name, kind, seed, epochs, hidden=128, batch=64, lr=1e-3):
    folder = os.path.join(datasets, name)
    xml = os.path.join(folder, f"{name}.xml")
    x_train, y_train = read_mulan(os.path.join(folder, f"{name}-train.arff"), xml)
    x_test, y_test = read_mulan(os.path.join(folder, f"{name}-test.arff"), xml)
    x_train, x_test = standardise(x_train, x_test)
    torch.manual_seed(seed)
    x_train, y_train, x_test = torch.from_numpy(x_train), torch.from_numpy(y_train), torch.from_numpy(x_test)
    model = torch.nn.Sequential(torch.nn.Linear(x_train.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, y_train.shape[1]))
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = make_loss(kind, y_train)
    started = time.perf_counter()
    for _ in range(epochs):
        model.train()
        order = torch.randperm(x_train.shape[0])
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            optimiser.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimiser.step()
    ms_per_epoch = (time.perf_counter() - started) * 1000 / epochs
    model.eval()
    with torch.no_grad():
        predicted = (model(x_test) >= 0).numpy().astype(np.int8)  # sigmoid(z) >= 0.5  <=>  z >= 0
    return f1_score(y_test, predicted, average="macro", zero_division=0), ms_per_epoch


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--datasets", default=os.environ.get("IMBALANCE_LENS_DATASETS", os.path.join(here, "..", "..", "..", "shared", "datasets")))
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--cases", default=DEFAULT_CASES)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    seeds = [int(s) for s in args.seeds.split(",")]
    results = []
    for case in args.cases.split(","):
        name, kind = case.split(":")
        runs = [run_case(args.datasets, name, kind, s, args.epochs) for s in seeds]
        f1s = [r[0] for r in runs]
        results.append({"dataset": name, "loss": kind, "macroF1": float(np.mean(f1s)), "std": float(np.std(f1s)), "perSeed": f1s, "msPerEpoch": float(np.median([r[1] for r in runs]))})
        if not args.json:
            r = results[-1]
            print(f"{name:9s} {kind:6s} macro-F1 {r['macroF1']:.3f} (std {r['std']:.3f} over {len(seeds)} seeds; {' '.join(f'{f:.3f}' for f in f1s)})  {r['msPerEpoch']:.1f} ms/epoch", flush=True)
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
