/** `imbalance-lens split FILE`: an iterative stratified split into folds or train/validation/test files. */
import { splitDataset } from '../../core/analysis/splitDataset.js';
import { UsageError } from '../../core/errors.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { renderText } from '../../core/report/renderText.js';
import { splitDocument } from '../../core/report/resampleDocument.js';
import { flag, listOption, numberOption, stringOption, type OptionSpecs, type ParsedArgs } from '../args.js';
import { datasetArgument, readerOptionsFrom, writingReaderOptionSpecs, type CliCommand } from '../command.js';

/** The output flags resample and split share. */
export const outputOptionSpecs: OptionSpecs = {
  force: { type: 'boolean', description: 'replace output files that already exist (never the input)' },
  'dry-run': { type: 'boolean', description: 'compute and report, but write nothing' },
};


function ratiosFrom(args: ParsedArgs): number[] | undefined {
  const items = listOption(args, 'ratios');
  if (items === undefined) return undefined;
  return items.map((item) => {
    const value = Number(item);
    if (!Number.isFinite(value)) throw new UsageError(`--ratios expects numbers like 0.7,0.15,0.15; got "${item}"`);
    return value;
  });
}

export const splitCommand: CliCommand = {
  name: 'split',
  summary: 'split a dataset by iterative stratification (Sechidis et al. 2011) into folds or train/val/test files',
  usage: 'imbalance-lens split FILE [--folds 5 | --ratios 0.7,0.15,0.15] [--order 1|2] [--seed 0] [--out-dir DIR | --single-file FILE] [--force]',
  options: {
    folds: { type: 'integer', valueName: 'K', description: 'K folds of equal size (default 5): NAME.fold1.EXT .. NAME.foldK.EXT' },
    ratios: { type: 'list', valueName: 'a,b[,c]', description: 'proportions summing to 1: two parts are train,test; three are train,val,test' },
    order: { type: 'integer', valueName: '1|2', description: 'stratify labels (1, default) or label pairs (2)' },
    seed: { type: 'integer', valueName: 'N', description: 'random seed for ties (default 0)' },
    'out-dir': { type: 'string', valueName: 'DIR', description: "folder for the part files (default: the input's folder)" },
    'single-file': { type: 'string', valueName: 'FILE', description: 'write one file: the input with a split column' },
    ...outputOptionSpecs,
    format: { type: 'string', choices: ['table', 'markdown', 'json'], description: 'report format on stdout (default: table on a terminal, json otherwise)' },
    ...writingReaderOptionSpecs,
  },
  async run(args, io, signal) {
    const file = datasetArgument(args, 'split');
    const format = stringOption(args, 'format') ?? (io.isTTY ? 'table' : 'json');
    const order = numberOption(args, 'order');
    const report = await splitDataset(file, {
      ...readerOptionsFrom(args, signal),
      folds: numberOption(args, 'folds'),
      ratios: ratiosFrom(args),
      order: order as 1 | 2 | undefined,
      seed: numberOption(args, 'seed'),
      outDir: stringOption(args, 'out-dir'),
      singleFile: stringOption(args, 'single-file'),
      force: flag(args, 'force'),
      dryRun: flag(args, 'dry-run'),
    });
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'markdown') io.stdout(renderMarkdown(splitDocument(report)));
    else io.stdout(renderText(splitDocument(report)));
    for (const written of report.written) io.stderr(`wrote ${written}\n`);
    return 0;
  },
};
