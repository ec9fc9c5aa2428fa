/** `imbalance-lens weights FILE`: loss weights for PyTorch, as a snippet, CSV or JSON. */
import { analyzeDataset } from '../../core/analysis/analyzeDataset.js';
import { rowLimitNote } from '../../core/io/rowLimit.js';
import { formatWeightsCsv, formatWeightsPytorch, type WeightScheme } from '../../core/weights/index.js';
import { stringOption } from '../args.js';
import { datasetArgument, maxRowsFrom, readerOptionSpecs, readerOptionsFrom, rowLimitOptionSpecs, type CliCommand } from '../command.js';
import { weightOptionSpecs, weightOptionsFrom } from './analyze.js';

export const weightsCommand: CliCommand = {
  name: 'weights',
  summary: 'suggest loss weights (pos_weight, inverse, sqrt, class-balanced) as PyTorch, CSV or JSON',
  usage: 'imbalance-lens weights FILE [--scheme pos|inverse|sqrt|effective] [--format pytorch|csv|json] [options]',
  options: {
    scheme: {
      type: 'string',
      choices: ['pos', 'inverse', 'sqrt', 'effective'],
      description: 'pos = (N-n)/n for BCEWithLogitsLoss(pos_weight=...) (default); inverse, sqrt: normalised class weights; effective: Cui et al. 2019',
    },
    format: { type: 'string', choices: ['pytorch', 'csv', 'json'], description: 'output format (default pytorch)' },
    ...weightOptionSpecs,
    ...readerOptionSpecs,
    ...rowLimitOptionSpecs,
  },
  async run(args, io, signal) {
    const file = datasetArgument(args, 'weights');
    const scheme = (stringOption(args, 'scheme') ?? 'pos') as WeightScheme;
    const format = stringOption(args, 'format') ?? 'pytorch';
    const maxRows = maxRowsFrom(args);
    const report = await analyzeDataset(file, { ...readerOptionsFrom(args, signal), maxRows, ...weightOptionsFrom(args) });
    const weights = report.weights;
    if (format === 'json') {
      const selected = weights.labels.map((name, i) => ({ name, count: report.perLabel[i].count, weight: weights.schemes[scheme][i] }));
      io.stdout(JSON.stringify({ file, scheme, selected, ...weights }, null, 2) + '\n');
    } else if (format === 'csv') {
      io.stdout(formatWeightsCsv(weights, scheme));
    } else {
      io.stdout(formatWeightsPytorch(weights, scheme));
    }
    for (const warning of weights.warnings) io.stderr(`warning: ${warning}\n`);
    // the weights fit the rows read: say so when the row limit left some out
    if (maxRows !== undefined && report.notes.includes(rowLimitNote(maxRows))) io.stderr(`note: ${rowLimitNote(maxRows)}\n`);
    return 0;
  },
};
