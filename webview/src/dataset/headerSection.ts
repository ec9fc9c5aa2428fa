/** The top of the dataset view: which file, how its labels were found, notes, actions, and the headline measures as tiles. */
import type { DatasetView } from '../../../src/protocol/dashboard.js';
import { button, codicon, h, srOnly, uid } from '../components/dom.js';
import { baseName, formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { measureTiles } from './measureTiles.js';

export function headerSection(view: DatasetView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const badge = document.createElement('vscode-badge');
  badge.textContent = report.format.toUpperCase();
  badge.title = 'File format';

  const actions = h('div', { className: 'header-actions' }, [
    button('Open file', { icon: 'go-to-file', secondary: true, title: 'Open the dataset in an editor', onClick: () => ctx.post({ type: 'openFile' }) }),
    button('Refresh', { icon: 'refresh', title: 'Analyse the file again', onClick: () => ctx.post({ type: 'refresh' }) }),
  ]);

  const notes = report.notes.length > 0
    ? h('ul', { className: 'notes', attrs: { 'aria-label': 'Notes' } }, report.notes.map((note) => h('li', {}, [codicon('info'), h('span', { text: note })])))
    : null;
  const skipped = report.skippedCount > 0
    ? h('p', { className: 'header-warning' }, [
        codicon('warning'),
        srOnly('Warning: '),
        `${formatInteger(report.skippedCount)} malformed ${report.skippedCount === 1 ? 'row was' : 'rows were'} skipped; see Skipped rows.`,
      ])
    : null;

  return h('header', { className: 'dataset-header' }, [
    h('div', { className: 'title-row' }, [
      h('div', { className: 'title-block' }, [
        h('h1', {}, [h('span', { className: 'file-name', text: baseName(view.file) }), badge]),
        h('p', { className: 'file-path', text: view.file, attrs: { title: view.file } }),
        h('p', { className: 'label-source', text: report.labelSource }),
      ]),
      actions,
    ]),
    notes,
    skipped,
  ]);
}

export function measuresSection(view: DatasetView): HTMLElement {
  const tiles = measureTiles(view.report).map((tile) => {
    const labelId = uid('tile-label');
    const explanationId = uid('tile-explanation');
    return h(
      'div',
      {
        className: tile.flag ? 'tile flagged' : 'tile',
        attrs: { role: 'group', tabindex: 0, 'aria-labelledby': labelId, 'aria-describedby': explanationId, title: `${tile.label}: ${tile.explanation}` },
      },
      [
        h('div', { className: 'tile-label', attrs: { id: labelId } }, [tile.label]),
        h('div', { className: 'tile-value', attrs: { 'data-measure': tile.key, 'data-raw': String(tile.raw) }, text: tile.value }),
        tile.flag ? h('div', { className: 'tile-flag' }, [codicon('warning'), srOnly('Warning: '), tile.flag]) : null,
        h('div', { className: 'visually-hidden', attrs: { id: explanationId }, text: tile.explanation }),
      ],
    );
  });
  return h('section', { className: 'tiles', attrs: { 'aria-label': 'Headline measures' } }, tiles);
}
