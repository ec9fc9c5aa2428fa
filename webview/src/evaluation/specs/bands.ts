/**
 * Head / medium / tail: how each frequency band of labels fares, as grouped bars of precision,
 * recall and F1 (macro or micro within the band) and the band's mean AP.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Band } from '../../../../src/core/metrics/curves/frequencyBands.js';
import type { ChartTheme } from '../../types.js';
import { chartConfig } from './chartTheme.js';

export type BandAverage = 'macro' | 'micro';
export const BAND_MEASURES = ['Precision', 'Recall', 'F1', 'Mean AP'] as const;
export type BandMeasure = (typeof BAND_MEASURES)[number];

export interface BandBar {
  band: Band['band'];
  /** "head (5 labels)". */
  bandTitle: string;
  measure: BandMeasure;
  value: number;
  labelCount: number;
  totalSupport: number;
}

export function bandTitle(band: Band): string {
  return `${band.band} (${band.labelCount.toLocaleString('en-US')} label${band.labelCount === 1 ? '' : 's'})`;
}

/** One bar per band and measure; an empty band (null values) has no bars. */
export function bandBarsData(bands: readonly Band[], average: BandAverage): BandBar[] {
  const out: BandBar[] = [];
  for (const b of bands) {
    const prf = b[average];
    const values: [BandMeasure, number | null][] = [
      ['Precision', prf?.precision ?? null],
      ['Recall', prf?.recall ?? null],
      ['F1', prf?.f1 ?? null],
      ['Mean AP', b.meanAp],
    ];
    for (const [measure, value] of values) {
      if (value !== null) out.push({ band: b.band, bandTitle: bandTitle(b), measure, value, labelCount: b.labelCount, totalSupport: b.totalSupport });
    }
  }
  return out;
}

/** A colour for mean AP that is none of the precision / recall / F1 colours. */
function apColour(theme: ChartTheme): string {
  const used = new Set([theme.precision, theme.recall, theme.f1].map((c) => c.toLowerCase()));
  return theme.categorical.find((c) => !used.has(c.toLowerCase())) ?? theme.descriptionForeground;
}

export function bandsSpec(bands: readonly Band[], theme: ChartTheme, options: { average: BandAverage }): TopLevelSpec {
  const rows = bandBarsData(bands, options.average);
  const averageTitle = options.average === 'macro' ? 'macro (mean over the band’s labels)' : 'micro (from the band’s summed counts)';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Precision, recall and F1 (${averageTitle}) and mean AP per frequency band.`,
    config: chartConfig(theme),
    data: { values: rows },
    width: 'container',
    height: 220,
    autosize: { type: 'fit-x', contains: 'padding' },
    encoding: {
      x: { field: 'bandTitle', type: 'nominal', sort: bands.map(bandTitle), axis: { title: null, labelAngle: 0 } },
      xOffset: { field: 'measure', type: 'nominal', scale: { domain: [...BAND_MEASURES] } },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: options.average === 'macro' ? 'Macro average' : 'Micro average', format: '.1f' } },
      tooltip: [
        { field: 'band', type: 'nominal', title: 'Band' },
        { field: 'measure', type: 'nominal', title: 'Measure' },
        { field: 'value', type: 'quantitative', title: 'Value', format: '.3f' },
        { field: 'labelCount', type: 'quantitative', title: 'Labels', format: ',d' },
        { field: 'totalSupport', type: 'quantitative', title: 'Positives', format: ',d' },
      ],
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: {
            field: 'measure',
            type: 'nominal',
            scale: { domain: [...BAND_MEASURES], range: [theme.precision, theme.recall, theme.f1, apColour(theme)] },
            legend: { title: null, orient: 'top', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: theme.fontSize - 2, color: theme.descriptionForeground },
        encoding: { text: { field: 'value', type: 'quantitative', format: '.2f' } },
      },
    ],
  };
}
