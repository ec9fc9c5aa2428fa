/**
 * Downsampling: simplifyPolyline on hand-made polylines, then whole label curves (short, medium
 * and long enough for the grid pre-aggregation) checked against the exact curves: never more
 * than maxPoints, endpoints exact, F1-optimal point kept, ordering preserved, every kept point a
 * real point of the exact curve, and the drawn line close to every exact point.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  curvesOfLabel,
  precisionRecallCurve,
  rocCurve,
  simplifyPolyline,
} from '../../src/core/metrics/curves/index.js';
import { rankLabel, type RankedLabel } from '../../src/core/metrics/rankedColumn.js';
import { allFinite, lcg } from './curvesFixtures.js';

describe('simplifyPolyline', () => {
  const x = Float64Array.from([0, 0.5, 1, 1]);
  const y = Float64Array.from([0, 0.5, 1, 0]);

  it('keeps everything when it fits', () => {
    assert.deepEqual([...simplifyPolyline(x, y, 4)], [0, 1, 2, 3]);
  });

  it('keeps the endpoints and then the farthest point', () => {
    // from the segment (0,0)-(1,0): point 1 is 0.5 away, point 2 is 1 away
    assert.deepEqual([...simplifyPolyline(x, y, 3)], [0, 2, 3]);
  });

  it('keeps required points even when they are not the farthest', () => {
    assert.deepEqual([...simplifyPolyline(x, y, 3, [1])], [0, 1, 3]);
  });

  it('drops points lying on the line already drawn, even under budget', () => {
    const cx = Float64Array.from([0, 0.25, 0.5, 0.75, 1, 1]);
    const cy = Float64Array.from([0, 0.25, 0.5, 0.75, 1, 0.5]);
    assert.deepEqual([...simplifyPolyline(cx, cy, 5)], [0, 4, 5]);
  });

  it('refuses more required points than the budget', () => {
    assert.throws(() => simplifyPolyline(x, y, 3, [1, 2]), /required points/);
  });
});

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The largest distance from an exact point to the drawn (downsampled) polyline. */
function maxDeviation(exactX: ArrayLike<number>, exactY: ArrayLike<number>, x: number[], y: number[]): number {
  let worst = 0;
  for (let i = 0; i < exactX.length; i++) {
    let nearest = Infinity;
    for (let j = 0; j + 1 < x.length; j++) {
      nearest = Math.min(nearest, segmentDistance(exactX[i], exactY[i], x[j], y[j], x[j + 1], y[j + 1]));
    }
    worst = Math.max(worst, nearest);
  }
  return worst;
}

function randomLabel(seed: number, rows: number, rate: number, levels: number): RankedLabel {
  const random = lcg(seed);
  const truth = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    truth[r] = random() < rate ? 1 : 0;
    const s = Math.min(1, 0.25 * truth[r] + 0.75 * random() ** 1.5);
    scores[r] = levels > 0 ? Math.round(s * levels) / levels : s;
  }
  return rankLabel(truth, scores);
}

describe('downsampled label curves', () => {
  const cases = [
    { name: '150 rows (fits)', ranked: randomLabel(1, 150, 0.3, 0), maxPoints: 200 },
    { name: '3,000 rows, continuous', ranked: randomLabel(2, 3000, 0.2, 0), maxPoints: 200 },
    { name: '3,000 rows, 100 score levels', ranked: randomLabel(3, 3000, 0.5, 100), maxPoints: 50 },
    { name: '60,000 rows, rare label (grid pre-aggregation)', ranked: randomLabel(4, 60_000, 0.01, 0), maxPoints: 200 },
    { name: '60,000 rows, common label (grid pre-aggregation)', ranked: randomLabel(5, 60_000, 0.4, 0), maxPoints: 200 },
    { name: '60,000 rows, maxPoints 3', ranked: randomLabel(6, 60_000, 0.1, 0), maxPoints: 3 },
  ];
  for (const { name, ranked, maxPoints } of cases) {
    it(name, (t) => {
      const curves = curvesOfLabel('x', ranked, { maxPoints });
      const { pr, roc, f1Optimal } = curves;
      const exactPr = precisionRecallCurve(ranked);
      const exactRoc = rocCurve(ranked);
      assert.ok(exactPr && exactRoc && f1Optimal);
      assert.ok(allFinite(curves));

      // at most maxPoints; whole when it fits
      const prLength = exactPr.recall.length;
      assert.ok(pr.recall.length <= maxPoints && roc.fpr.length <= maxPoints);
      if (prLength <= maxPoints) assert.equal(pr.recall.length, prLength);

      // endpoints exact
      assert.deepEqual(
        [pr.recall[0], pr.precision[0], pr.threshold[0]],
        [exactPr.recall[0], exactPr.precision[0], exactPr.thresholds[0]],
      );
      assert.deepEqual([pr.recall.at(-1), pr.precision.at(-1), pr.threshold.at(-1)], [0, 1, null]);
      assert.deepEqual([roc.fpr[0], roc.tpr[0], roc.threshold[0]], [0, 0, null]);
      assert.deepEqual([roc.fpr.at(-1), roc.tpr.at(-1), roc.threshold.at(-1)], [1, 1, ranked.thresholds.at(-1)]);

      // F1-optimal point kept on both curves
      const atBest = pr.threshold.indexOf(f1Optimal.threshold);
      assert.ok(atBest >= 0, 'F1-optimal threshold on the PR curve');
      assert.equal(pr.recall[atBest], f1Optimal.recall);
      assert.equal(pr.precision[atBest], f1Optimal.precision);
      assert.ok(roc.threshold.includes(f1Optimal.threshold), 'F1-optimal threshold on the ROC curve');

      // ordering preserved: recall non-increasing, PR thresholds ascending, ROC monotone
      for (let i = 1; i < pr.recall.length; i++) {
        assert.ok(pr.recall[i] <= pr.recall[i - 1]);
        if (i < pr.recall.length - 1) assert.ok((pr.threshold[i] as number) > (pr.threshold[i - 1] as number));
      }
      for (let i = 1; i < roc.fpr.length; i++) {
        assert.ok(roc.fpr[i] >= roc.fpr[i - 1] && roc.tpr[i] >= roc.tpr[i - 1]);
        if (i > 1) assert.ok((roc.threshold[i] as number) < (roc.threshold[i - 1] as number));
      }

      // never invented: every kept point is the exact curve's point at that threshold
      const prAt = new Map([...exactPr.thresholds].map((th, i) => [th, i]));
      pr.threshold.forEach((th, i) => {
        if (th === null) return;
        const j = prAt.get(th);
        assert.ok(j !== undefined);
        assert.equal(pr.recall[i], exactPr.recall[j]);
        assert.equal(pr.precision[i], exactPr.precision[j]);
      });
      const rocAt = new Map([...exactRoc.thresholds].map((th, i) => [th, i]));
      roc.threshold.forEach((th, i) => {
        if (th === null) return;
        const j = rocAt.get(th);
        assert.ok(j !== undefined);
        assert.equal(roc.fpr[i], exactRoc.fpr[j]);
        assert.equal(roc.tpr[i], exactRoc.tpr[j]);
      });

      // shape kept: every exact point close to the drawn line (plot units, [0, 1] axes)
      if (maxPoints >= 50) {
        const prError = maxDeviation(exactPr.recall, exactPr.precision, pr.recall, pr.precision);
        const rocError = maxDeviation(exactRoc.fpr, exactRoc.tpr, roc.fpr, roc.tpr);
        t.diagnostic(`${exactPr.recall.length} -> ${pr.recall.length} PR points, max deviation ${prError.toFixed(4)}`);
        t.diagnostic(`${exactRoc.fpr.length} -> ${roc.fpr.length} ROC points, max deviation ${rocError.toFixed(4)}`);
        assert.ok(prError < 0.01, `PR deviation ${prError}`);
        assert.ok(rocError < 0.01, `ROC deviation ${rocError}`);
      }
    });
  }
});
