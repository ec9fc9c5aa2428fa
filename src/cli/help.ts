/** Help texts, built from the command specs so they never drift from what the parser accepts. */
import type { CliCommand } from './command.js';

export function mainHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'imbalance-lens: label imbalance of multilabel datasets, and loss weights that fit it',
    '',
    'usage: imbalance-lens <command> FILE [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'formats: .csv .tsv (one 0/1 column per label, or a column with a label list),',
    '         .jsonl .ndjson (a labels array field), .arff (MULAN with its .xml, or MEKA -C N)',
    '',
    'imbalance-lens <command> --help shows the options of a command.',
    '',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const entries = Object.entries(command.options).map(([name, spec]) => {
    const value = spec.type === 'boolean' ? '' : ` ${spec.choices ? spec.choices.join('|') : spec.valueName ?? 'VALUE'}`;
    return [`--${name}${value}`, spec.description] as const;
  });
  const width = Math.min(34, Math.max(...entries.map(([left]) => left.length)));
  return [
    `usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'options:',
    ...entries.map(([left, text]) => (left.length > width ? `  ${left}\n  ${''.padEnd(width)}  ${text}` : `  ${left.padEnd(width)}  ${text}`)),
    '',
  ].join('\n');
}
