/**
 * The Loss weights tab: one card per scheme with its formula and what it is for, and buttons that
 * ask the host to copy the weights (PyTorch or JSON) or insert them at the cursor; the focal and
 * asymmetric loss recommendations; the warnings; every label's weight under every scheme.
 */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { WEIGHT_SCHEMES, type WeightScheme } from '../../../src/core/weights/types.js';
import { button, codicon, h, sectionHeading, srOnly } from '../components/dom.js';
import { formatSort, parseSort } from '../components/tableModel.js';
import { formatDecimal } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { weightRows } from './tables.js';

interface SchemeText {
  title: string;
  formula: string;
  use: string;
}

function schemeText(scheme: WeightScheme, report: AnalysisReport): SchemeText {
  const w = report.weights;
  switch (scheme) {
    case 'pos':
      return { title: 'pos_weight', formula: `(N − n) / n, clamped at ${formatDecimal(w.maxPosWeight, 0)}`, use: 'nn.BCEWithLogitsLoss(pos_weight=…): the ratio of negatives to positives PyTorch expects.' };
    case 'inverse':
      return { title: 'Inverse frequency', formula: 'N / n, normalised to mean 1', use: 'A per-class weight (weight=…), not a pos_weight.' };
    case 'sqrt':
      return { title: 'Square-root inverse frequency', formula: '√(N / n), normalised to mean 1', use: 'A softer per-class weight for milder imbalance.' };
    case 'effective':
      return { title: 'Effective number of samples', formula: `(1 − β) / (1 − βⁿ), β = ${w.beta}, normalised to sum to L`, use: 'Class-balanced weight (Cui et al., CVPR 2019).' };
  }
}

export function weightsSection(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const schemeCards = WEIGHT_SCHEMES.map((scheme) => {
    const text = schemeText(scheme, report);
    return h('section', { className: 'card scheme-card', attrs: { 'aria-label': `${text.title} weights` } }, [
      h('div', { className: 'scheme-text' }, [
        h('h3', {}, [h('code', { text: scheme }), ` ${text.title}`]),
        h('p', { className: 'formula', text: text.formula }),
        h('p', { className: 'card-description', text: text.use }),
      ]),
      h('div', { className: 'card-actions' }, [
        button('Copy as PyTorch', { icon: 'copy', ariaLabel: `Copy ${scheme} weights as PyTorch`, onClick: () => ctx.post({ type: 'copyWeights', scheme, format: 'pytorch' }) }),
        button('Copy as JSON', { icon: 'json', secondary: true, ariaLabel: `Copy ${scheme} weights as JSON`, onClick: () => ctx.post({ type: 'copyWeights', scheme, format: 'json' }) }),
        button('Insert at cursor', {
          icon: 'insert',
          secondary: true,
          ariaLabel: `Insert ${scheme} weights as PyTorch at the cursor`,
          title: 'Insert the PyTorch snippet at the cursor of the last active editor',
          onClick: () => ctx.post({ type: 'insertWeights', scheme, format: 'pytorch' }),
        }),
      ]),
    ]);
  });

  const { focal, asymmetric, warnings } = report.weights;
  const recommendation = (title: string, recommended: boolean, params: [string, string][], rationale: string, source: string): HTMLElement => {
    const badge = document.createElement('vscode-badge');
    badge.textContent = recommended ? 'Recommended' : 'Optional';
    badge.className = recommended ? 'recommended' : '';
    return h('section', { className: 'card recommendation-card', attrs: { 'aria-label': title } }, [
      h('h3', {}, [title, ' ', badge]),
      h('dl', { className: 'params' }, params.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
      h('p', { className: 'card-description', text: rationale }),
      h('p', { className: 'source', text: source }),
    ]);
  };

  const warningList = warnings.length > 0
    ? h('ul', { className: 'warnings', attrs: { 'aria-label': 'Weight warnings' } }, warnings.map((w) => h('li', {}, [codicon('warning'), srOnly('Warning: '), h('span', { text: w })])))
    : null;

  const rare = new Set(report.rareLabels.map((l) => l.name));
  const columns = ['name', 'count', ...WEIGHT_SCHEMES];
  const weight = (v: string | number | null): string => (typeof v === 'number' ? formatDecimal(v, 4) : '— (no positives)');
  const table = ctx.virtualTable({
    ariaLabel: 'Weights per label',
    columns: [
      { key: 'name', title: 'Label' },
      { key: 'count', title: 'Rows', numeric: true },
      ...WEIGHT_SCHEMES.map((scheme) => ({ key: scheme, title: scheme, numeric: true, format: weight, tooltip: schemeText(scheme, report).formula })),
    ],
    rows: weightRows(report),
    sort: parseSort(ctx.ui('dataset.weights.sort', 'count:desc'), columns) ?? { key: 'count', descending: true },
    filter: ctx.ui('dataset.weights.filter', ''),
    filterKey: 'name',
    highlight: (row) => row.pos === null || (typeof row.name === 'string' && rare.has(row.name)),
    onChange: (sort, filter) => {
      if (sort.key) ctx.setUi('dataset.weights.sort', formatSort(sort));
      ctx.setUi('dataset.weights.filter', filter);
    },
  });

  return h('div', { className: 'tab-content' }, [
    ...sectionHeading('h2', 'Loss weights', 'Suggested per-label weights for training on this data. Copy one scheme as a PyTorch snippet or JSON, or insert it where your cursor is.'),
    h('div', { className: 'scheme-list' }, schemeCards),
    warningList,
    ...sectionHeading('h2', 'Loss functions', 'Losses designed for imbalanced multilabel data, with the parameters suggested for this dataset.'),
    h('div', { className: 'scheme-grid two' }, [
      recommendation('Focal loss', focal.recommended, [['alpha', String(focal.alpha)], ['gamma', String(focal.gamma)]], focal.rationale, focal.source),
      recommendation('Asymmetric loss', asymmetric.recommended, [['gamma_neg', String(asymmetric.gammaNeg)], ['gamma_pos', String(asymmetric.gammaPos)], ['clip', String(asymmetric.clip)]], asymmetric.rationale, asymmetric.source),
    ]),
    ...sectionHeading('h2', 'Weights per label', 'Every scheme side by side; rows marked with a warning are rare labels or labels with no positives (no weight).'),
    table,
  ]);
}
