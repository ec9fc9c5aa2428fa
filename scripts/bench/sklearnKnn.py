"""The peer in the MLSMOTE benchmark: scikit-learn's exact brute-force neighbour search over the
same per-label row sets, on the features standardised as MLSMOTE does (z-score, population std,
constant columns left out), arrays already in memory (loading excluded). Also compares the
neighbours with ours. Usage: sklearnKnn.py features.npy members.json k ours.json; prints JSON."""
import json
import sys
import time

import numpy as np
from sklearn.neighbors import NearestNeighbors

features = np.load(sys.argv[1])
with open(sys.argv[2]) as f:
    members = [np.asarray(m, dtype=np.int64) for m in json.load(f)]
k = int(sys.argv[3])
with open(sys.argv[4]) as f:
    ours = [np.asarray(o, dtype=np.int64) for o in json.load(f)]

try:
    from threadpoolctl import threadpool_info
    threads = max((p.get("num_threads", 1) for p in threadpool_info()), default=1)
except ImportError:
    threads = "?"

started = time.perf_counter()
std = features.std(axis=0)
keep = std > 0
z = (features[:, keep] - features[:, keep].mean(axis=0)) / std[keep]
found = []
for rows in members:
    points = z[rows]
    # kneighbors() without X: each point's neighbours among the others (itself excluded).
    found.append(NearestNeighbors(n_neighbors=k, algorithm="brute").fit(points).kneighbors(return_distance=False))
seconds = time.perf_counter() - started

mismatched = sum(int(np.any(f != o.reshape(-1, k), axis=1).sum()) for f, o in zip(found, ours))
json.dump({"seconds": seconds, "threads": threads, "queries": int(sum(len(m) for m in members)), "mismatchedQueries": mismatched}, sys.stdout)
