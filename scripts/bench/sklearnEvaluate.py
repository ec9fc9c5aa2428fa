"""The peer in `npm run bench` for evaluation: scikit-learn computing, on arrays already in
memory (loading excluded), per-label confusion matrices, P/R/F1 (per label and micro, macro,
weighted, samples), per-label average precision and per-label ROC-AUC. Prints JSON."""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.metrics import (average_precision_score, multilabel_confusion_matrix,
                             precision_recall_fscore_support, roc_auc_score)

warnings.filterwarnings("ignore")
truth = np.load(sys.argv[1])
scores = np.load(sys.argv[2])
started = time.perf_counter()
pred = (scores >= 0.5).astype(np.uint8)
mcm = multilabel_confusion_matrix(truth, pred)
per_label = precision_recall_fscore_support(truth, pred, average=None, zero_division=0)
averages = {a: precision_recall_fscore_support(truth, pred, average=a, zero_division=0)[:3]
            for a in ("micro", "macro", "weighted", "samples")}
ap = average_precision_score(truth, scores, average=None)
auc = roc_auc_score(truth, scores, average=None)
seconds = time.perf_counter() - started
json.dump({
    "seconds": seconds,
    "microF1": float(averages["micro"][2]),
    "macroF1": float(averages["macro"][2]),
    "samplesF1": float(averages["samples"][2]),
    "ap": [float(x) for x in ap],
    "rocAuc": [float(x) for x in auc],
    "tp": [int(m[1, 1]) for m in mcm],
}, sys.stdout)
