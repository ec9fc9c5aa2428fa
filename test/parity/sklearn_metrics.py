"""Reference values from scikit-learn 1.2 for test/unit/metrics.sklearn.test.ts.

Reads a JSON list of cases on stdin, each {truth: [[0/1]] row-major, scores: [[float]],
thresholds: [float], zero_division: 0 | 1}, and prints a JSON list with every metric of each
case. A metric sklearn refuses for the input (one-class ROC AUC, samplewise metrics on a single
label) is null, with the reason in "refused".
"""
import json
import sys
import warnings

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    coverage_error,
    hamming_loss,
    jaccard_score,
    label_ranking_average_precision_score,
    label_ranking_loss,
    multilabel_confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
)

warnings.simplefilter("ignore")


def number(x):
    x = float(x)
    return None if np.isnan(x) else x


def attempt(refused, name, fn):
    try:
        return fn()
    except ValueError as e:
        refused[name] = str(e)
        return None


def evaluate(case):
    y = np.array(case["truth"], dtype=int).reshape(len(case["truth"]), -1)
    s = np.array(case["scores"], dtype=float).reshape(y.shape)
    t = np.array(case["thresholds"], dtype=float)
    zd = case["zero_division"]
    p = (s >= t[None, :]).astype(int)
    refused = {}
    out = {"refused": refused}
    mcm = multilabel_confusion_matrix(y, p, labels=list(range(y.shape[1]))) if y.shape[1] > 1 else None
    if mcm is None:
        tp = int(((y[:, 0] == 1) & (p[:, 0] == 1)).sum())
        fp = int(((y[:, 0] == 0) & (p[:, 0] == 1)).sum())
        fn = int(((y[:, 0] == 1) & (p[:, 0] == 0)).sum())
        mcm = np.array([[[len(y) - tp - fp - fn, fp], [fn, tp]]])
    out["tn"] = mcm[:, 0, 0].tolist()
    out["fp"] = mcm[:, 0, 1].tolist()
    out["fn"] = mcm[:, 1, 0].tolist()
    out["tp"] = mcm[:, 1, 1].tolist()
    if y.shape[1] > 1:
        pr, rc, f1, sup = precision_recall_fscore_support(y, p, average=None, zero_division=zd)
    else:
        pr, rc, f1, sup = precision_recall_fscore_support(y[:, 0], p[:, 0], average=None, labels=[1], zero_division=zd)
    out["precision"], out["recall"], out["f1"], out["support"] = pr.tolist(), rc.tolist(), f1.tolist(), sup.tolist()
    yy, pp = (y, p) if y.shape[1] > 1 else (y[:, 0], p[:, 0])
    for avg in ["micro", "macro", "weighted", "samples"]:
        def prf(avg=avg):
            r = precision_recall_fscore_support(yy, pp, average=avg, zero_division=zd, labels=None if y.shape[1] > 1 else [1])
            return {"precision": number(r[0]), "recall": number(r[1]), "f1": number(r[2])}
        out["avg_" + avg] = attempt(refused, "avg_" + avg, prf)
    out["ap"] = [number(average_precision_score(y[:, l], s[:, l])) for l in range(y.shape[1])]
    auc = []
    for l in range(y.shape[1]):
        auc.append(attempt(refused, "auc_%d" % l, lambda l=l: number(roc_auc_score(y[:, l], s[:, l]))))
    out["auc"] = auc
    for avg in ["macro", "micro", "weighted"]:
        out["map_" + avg] = attempt(refused, "map_" + avg, lambda avg=avg: number(average_precision_score(y, s, average=avg)))
    out["hamming"] = number(hamming_loss(y, p))
    out["subset"] = number(accuracy_score(y, p))
    for avg in ["samples", "macro", "micro"]:
        out["jaccard_" + avg] = attempt(
            refused, "jaccard_" + avg,
            lambda avg=avg: number(jaccard_score(yy, pp, average=avg, zero_division=zd, labels=None if y.shape[1] > 1 else [1])))
    out["lrap"] = attempt(refused, "lrap", lambda: number(label_ranking_average_precision_score(y, s)))
    out["coverage"] = attempt(refused, "coverage", lambda: number(coverage_error(y, s)))
    out["ranking_loss"] = attempt(refused, "ranking_loss", lambda: number(label_ranking_loss(y, s)))
    return out


def main():
    cases = json.load(sys.stdin)
    json.dump([evaluate(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
