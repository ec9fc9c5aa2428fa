/**
 * The curves the PR/ROC chart has in hand: the ones sent with the view, plus those fetched from
 * the host by name (one request per batch of missing labels; a label already being fetched is not
 * asked for again). Fetched curves stay cached for the life of the view.
 */
import type { LabelCurves } from '../../../src/core/metrics/curves/types.js';

export class CurveCache {
  private readonly curves = new Map<string, LabelCurves>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    initial: readonly LabelCurves[],
    private readonly request: (labels: string[]) => Promise<LabelCurves[]>,
  ) {
    for (const c of initial) this.curves.set(c.label, c);
  }

  has(label: string): boolean {
    return this.curves.has(label);
  }

  get(label: string): LabelCurves | undefined {
    return this.curves.get(label);
  }

  /** The curves of `labels` in that order, fetching the missing ones; labels the host has no curve for are left out. */
  async ensure(labels: readonly string[]): Promise<LabelCurves[]> {
    const missing = labels.filter((l) => !this.curves.has(l) && !this.pending.has(l));
    if (missing.length > 0) {
      const fetch = this.request(missing).then(
        (curves) => {
          for (const c of curves) this.curves.set(c.label, c);
          for (const l of missing) this.pending.delete(l);
        },
        (error: unknown) => {
          for (const l of missing) this.pending.delete(l);
          throw error;
        },
      );
      for (const l of missing) this.pending.set(l, fetch);
    }
    await Promise.all(labels.map((l) => this.pending.get(l)).filter((p) => p !== undefined));
    return labels.map((l) => this.curves.get(l)).filter((c): c is LabelCurves => c !== undefined);
  }
}
