/** `imbalance-lens resample FILE --method M`: a resampled copy of a dataset next to it, with the measures before and after. */
import { RESAMPLE_METHODS, resampleDataset } from '../../core/analysis/resampleDataset.js';
import { UsageError } from '../../core/errors.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { renderText } from '../../core/report/renderText.js';
import { resampleDocument } from '../../core/report/resampleDocument.js';
import type { ResampleMethod } from '../../core/resample/types.js';
import { flag, numberOption, stringOption } from '../args.js';
import { datasetArgument, readerOptionsFrom, writingReaderOptionSpecs, type CliCommand } from '../command.js';
import { outputOptionSpecs } from './split.js';

export const resampleCommand: CliCommand = {
  name: 'resample',
  summary: 'write a resampled copy of a dataset (ML-ROS, ML-RUS, LP-ROS, LP-RUS, MLSMOTE, REMEDIAL)',
  usage: 'imbalance-lens resample FILE --method mlros|mlrus|lpros|lprus|mlsmote|remedial [--percent 25] [--k 5] [--labelset ranking|union|intersection] [--seed 0] [--out FILE] [--force]',
  options: {
    method: { type: 'string', choices: RESAMPLE_METHODS, description: 'the resampling method (required)' },
    percent: { type: 'number', valueName: 'P', description: 'ML-ROS/LP-ROS: add P% rows; ML-RUS/LP-RUS: remove P% rows; in (0, 100] (default 25)' },
    k: { type: 'integer', valueName: 'K', description: 'MLSMOTE: nearest neighbours (default 5)' },
    labelset: { type: 'string', choices: ['ranking', 'union', 'intersection'], description: "MLSMOTE: a synthetic row's labels (default ranking: those of most of the k+1 rows)" },
    seed: { type: 'integer', valueName: 'N', description: 'random seed (default 0): the same seed gives the same file' },
    out: { type: 'string', valueName: 'FILE', description: 'output file (default: next to the input, NAME.METHOD.EXT)' },
    'no-mark': { type: 'boolean', description: 'do not add the is_synthetic and source_row columns that mark cloned and synthetic rows' },
    ...outputOptionSpecs,
    format: { type: 'string', choices: ['table', 'markdown', 'json'], description: 'report format on stdout (default: table on a terminal, json otherwise)' },
    ...writingReaderOptionSpecs,
  },
  async run(args, io, signal) {
    const file = datasetArgument(args, 'resample');
    const method = stringOption(args, 'method') as ResampleMethod | undefined;
    if (method === undefined) throw new UsageError(`resample needs --method (${RESAMPLE_METHODS.join(', ')})`);
    const format = stringOption(args, 'format') ?? (io.isTTY ? 'table' : 'json');
    const report = await resampleDataset(file, {
      ...readerOptionsFrom(args, signal),
      method,
      percent: numberOption(args, 'percent'),
      k: numberOption(args, 'k'),
      labelset: stringOption(args, 'labelset') as 'ranking' | 'union' | 'intersection' | undefined,
      seed: numberOption(args, 'seed'),
      out: stringOption(args, 'out'),
      force: flag(args, 'force'),
      markRows: !flag(args, 'no-mark'),
      dryRun: flag(args, 'dry-run'),
    });
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'markdown') io.stdout(renderMarkdown(resampleDocument(report)));
    else io.stdout(renderText(resampleDocument(report)));
    for (const written of report.written) io.stderr(`wrote ${written}\n`);
    return 0;
  },
};
