/**
 * The `imbalance-lens` command line: the same engine as the extension, for scripts and CI.
 * Exit codes: 0 done, 1 the dataset has a problem, 2 the command line has a problem, 130 interrupted.
 */
import { DatasetError, UsageError } from '../core/errors.js';
import { parseArgs } from './args.js';
import type { CliCommand, CliIO } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { compareCommand } from './commands/compare.js';
import { evaluateCommand } from './commands/evaluate.js';
import { resampleCommand } from './commands/resample.js';
import { splitCommand } from './commands/split.js';
import { trainCommand } from './commands/train.js';
import { weightsCommand } from './commands/weights.js';
import { commandHelp, mainHelp } from './help.js';

declare const IMBALANCE_LENS_VERSION: string | undefined;

const commands: CliCommand[] = [analyzeCommand, weightsCommand, evaluateCommand, resampleCommand, splitCommand, trainCommand, compareCommand];

export async function runCli(argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((c) => c.name === rest[0]);
    io.stdout(topic ? commandHelp(topic) : mainHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${typeof IMBALANCE_LENS_VERSION === 'string' ? IMBALANCE_LENS_VERSION : 'dev'}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"\n\n${mainHelp(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseArgs(rest, command.options), io, signal);
  } catch (e) {
    return reportError(e, command, io, signal);
  }
}

function reportError(e: unknown, command: CliCommand, io: CliIO, signal: AbortSignal): number {
  if (signal.aborted) {
    io.stderr('interrupted\n');
    return 130;
  }
  if (e instanceof DatasetError) {
    io.stderr(`error: ${e.describe()}\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    io.stderr(`error: ${e.message}\nusage: ${command.usage}\n(see imbalance-lens ${command.name} --help)\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.path === 'string') {
    io.stderr(`error: ${err.path}: ${err.message}\n`);
    return 1;
  }
  io.stderr(`internal error (please report it): ${err?.stack ?? String(e)}\n`);
  return 70;
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  };
  runCli(process.argv.slice(2), io, controller.signal).then((code) => {
    if (process.env.IMBALANCE_LENS_REPORT_RSS) {
      process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
    }
    process.exitCode = code;
  });
}
