/**
 * The charts on the page, so that a theme change redraws them and a new view (or a section that
 * rebuilds its cards) does not leave Vega views running. A card counts as gone once it has been
 * in the document and is no longer.
 */

export interface LiveChart {
  readonly element: HTMLElement;
  /** True once the card has been in the document. */
  readonly attached: boolean;
  /** Draw again with the current theme (now if visible, else when it next becomes visible). */
  redraw(): void;
  /** Finalize the Vega view and stop observing. */
  dispose(): void;
}

export class ChartRegistry {
  private readonly charts = new Set<LiveChart>();

  add(chart: LiveChart): void {
    this.prune();
    this.charts.add(chart);
  }

  /** After a theme change. */
  redrawAll(): void {
    this.prune();
    for (const chart of this.charts) chart.redraw();
  }

  /** Before the whole view is replaced. */
  disposeAll(): void {
    for (const chart of this.charts) chart.dispose();
    this.charts.clear();
  }

  size(): number {
    this.prune();
    return this.charts.size;
  }

  private prune(): void {
    for (const chart of this.charts) {
      if (chart.attached && !chart.element.isConnected) {
        chart.dispose();
        this.charts.delete(chart);
      }
    }
  }
}
