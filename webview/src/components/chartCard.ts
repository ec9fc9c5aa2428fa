/**
 * A titled card around one Vega-Lite chart: description, the chart (drawn when the card first has
 * a width, so charts in hidden tabs wait until shown; drawn again on theme change), "Save SVG" /
 * "Save PNG" (the host shows a save dialog: downloads do not work in webviews), and "Show data",
 * which reveals the chart's numbers as a table that is always there for screen readers.
 */
import type { WebviewMessage } from '../../../src/protocol/dashboard.js';
import type { ChartTheme } from '../types.js';
import type { ChartCardOptions } from '../viewContext.js';
import type { ChartRegistry, LiveChart } from './chartRegistry.js';
import { dataTable } from './dataTable.js';
import { append, button, codicon, h, uid } from './dom.js';
import { embedChart, type EmbeddedChart } from './embedChart.js';
import { svgWithBackground } from './exportImage.js';
import { pngWithBackground } from './pngExport.js';

export interface ChartCardDeps {
  theme(): ChartTheme;
  post(message: WebviewMessage): void;
  registry: ChartRegistry;
}

export function createChartCard(options: ChartCardOptions, deps: ChartCardDeps): HTMLElement {
  const titleId = uid('chart-title');
  const dataId = uid('chart-data');
  const card = h('section', { className: 'card chart-card', attrs: { 'aria-labelledby': titleId } });
  const chartHost = h('div', { className: 'chart-host' });
  const dataWrap = h('div', { className: 'chart-data visually-hidden', attrs: { id: dataId } }, [
    dataTable(options.table, `${options.title}: the numbers behind the chart`),
  ]);

  let embedded: EmbeddedChart | undefined;
  /** The spec's width follows the card ('container'). */
  let fitsContainer = false;
  let generation = 0;
  let stale = true;
  let attached = false;
  let disposed = false;

  const saveSvg = button('Save SVG', { icon: 'save', secondary: true, title: 'Save the chart as an SVG file', onClick: () => void save('svg') });
  const savePng = button('Save PNG', { icon: 'file-media', secondary: true, title: 'Save the chart as a PNG image', onClick: () => void save('png') });
  const toggleLabel = h('span', { text: 'Show data' });
  const toggle = button('', { icon: 'table', secondary: true, title: 'Show the numbers as a table', onClick: () => toggleData() });
  toggle.append(toggleLabel);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', dataId);
  for (const b of [saveSvg, savePng]) b.disabled = true;

  // Actions go under the chart, so every card's title and description line up whatever the title's length.
  append(card, [
    h('h3', { attrs: { id: titleId }, text: options.title }),
    options.description ? h('p', { className: 'card-description', text: options.description }) : null,
    chartHost,
    h('div', { className: 'card-actions chart-actions' }, [saveSvg, savePng, toggle]),
    dataWrap,
  ]);

  function toggleData(): void {
    const show = dataWrap.classList.contains('visually-hidden');
    dataWrap.classList.toggle('visually-hidden', !show);
    toggle.setAttribute('aria-expanded', String(show));
    toggleLabel.textContent = show ? 'Hide data' : 'Show data';
  }

  function draw(): void {
    stale = false;
    const mine = ++generation;
    embedded?.finalize();
    embedded = undefined;
    for (const b of [saveSvg, savePng]) b.disabled = true;
    let spec;
    try {
      spec = options.spec(deps.theme());
    } catch (error) {
      showError(error);
      return;
    }
    fitsContainer = (spec as { width?: unknown }).width === 'container';
    embedChart(chartHost, spec).then(
      (result) => {
        if (mine !== generation || disposed) {
          result.finalize();
          return;
        }
        embedded = result;
        describe();
        for (const b of [saveSvg, savePng]) b.disabled = false;
      },
      (error: unknown) => {
        if (mine === generation && !disposed) showError(error);
      },
    );
  }

  /** One image with a name for assistive technology; the numbers are in the table after it. */
  function describe(): void {
    chartHost.removeAttribute('role');
    chartHost.removeAttribute('aria-roledescription');
    chartHost.removeAttribute('aria-label');
    const svg = chartHost.querySelector('svg');
    if (!svg) return;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${options.title}. ${options.description ?? ''} The same numbers are in the table that follows.`.replace(/\s+/g, ' '));
  }

  function showError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Chart "${options.title}" could not be drawn:`, error);
    chartHost.replaceChildren(h('p', { className: 'chart-error' }, [codicon('error'), ` The chart could not be drawn: ${message}`]));
  }

  async function save(format: 'svg' | 'png'): Promise<void> {
    if (!embedded) return;
    const background = deps.theme().background;
    try {
      const data =
        format === 'svg'
          ? svgWithBackground(await embedded.view.toSVG(), background)
          : await pngWithBackground(await embedded.view.toImageURL('png', 2), background);
      deps.post({ type: 'saveImage', format, fileName: `${options.fileName}.${format}`, data });
    } catch (error) {
      console.error(`Chart "${options.title}" could not be exported as ${format.toUpperCase()}:`, error);
    }
  }

  const observer = new ResizeObserver((entries) => {
    const width = entries[entries.length - 1].contentRect.width;
    if (width <= 0) return;
    attached = true;
    if (stale) {
      draw();
      return;
    }
    // A window resize while the card was hidden (another tab) left Vega with a width of 0, and Vega's
    // own container observer stays quiet when the card comes back at the width it had: give it the card's.
    const view = embedded?.view;
    if (view && fitsContainer && Math.abs(view.width() - chartHost.clientWidth) > 1) void view.width(chartHost.clientWidth).runAsync();
  });
  observer.observe(chartHost);

  const live: LiveChart = {
    element: card,
    get attached() {
      return attached || card.isConnected;
    },
    redraw() {
      stale = true;
      if (chartHost.clientWidth > 0) draw();
    },
    dispose() {
      disposed = true;
      generation++;
      observer.disconnect();
      embedded?.finalize();
      embedded = undefined;
    },
  };
  deps.registry.add(live);
  return card;
}
