"""Reference values for test/unit/curves.parity.test.ts from scikit-learn 1.2.

Reads one JSON object on stdin:
  {"curves": [{"truth": [0/1...], "scores": [...]}...],
   "sweeps": [{"truth": [[rows x labels]], "scores": [[rows x labels]], "grid": [...]}...]}
and writes
  {"curves": [{"precision", "recall", "pr_thresholds", "fpr", "tpr", "roc_thresholds"}...],
   "sweeps": [{"macro": [...], "micro": [...]}...]}
Each curve case must hold both classes (the ROC curve is NaN otherwise).
"""
import json
import sys
import warnings

import numpy as np
from sklearn.metrics import f1_score, precision_recall_curve, roc_curve


def curves(case):
    y = np.asarray(case["truth"], dtype=int)
    s = np.asarray(case["scores"], dtype=float)
    precision, recall, pr_thresholds = precision_recall_curve(y, s)
    fpr, tpr, roc_thresholds = roc_curve(y, s, drop_intermediate=False)
    return {
        "precision": precision.tolist(),
        "recall": recall.tolist(),
        "pr_thresholds": pr_thresholds.tolist(),
        "fpr": fpr.tolist(),
        "tpr": tpr.tolist(),
        # sklearn 1.2 writes max(score) + 1 for the first threshold; the TS side writes +inf.
        "roc_thresholds": roc_thresholds[1:].tolist(),
    }


def sweep(case):
    y = np.asarray(case["truth"], dtype=int)
    s = np.asarray(case["scores"], dtype=float)
    macro, micro = [], []
    for t in case["grid"]:
        predicted = (s >= t).astype(int)
        if y.shape[1] == 1:
            # One column is not multilabel to sklearn (macro would average classes 0 and 1):
            # the one label's F1 is the binary F1 of the positive class.
            f1 = float(f1_score(y[:, 0], predicted[:, 0], average="binary", zero_division=0))
            macro.append(f1)
            micro.append(f1)
            continue
        macro.append(float(f1_score(y, predicted, average="macro", zero_division=0)))
        micro.append(float(f1_score(y, predicted, average="micro", zero_division=0)))
    return {"macro": macro, "micro": micro}


def main():
    request = json.load(sys.stdin)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = {
            "curves": [curves(case) for case in request.get("curves", [])],
            "sweeps": [sweep(case) for case in request.get("sweeps", [])],
        }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
