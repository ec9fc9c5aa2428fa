// `npm start`: the main job on the example dataset the project ships: the imbalance analysis as
// a table, then the pos_weight snippet for PyTorch, both from the built CLI.
import { spawnSync } from 'node:child_process';

const example = 'examples/support-tickets.csv';
const run = (args) => {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.log(`$ imbalance-lens analyze ${example} --format table\n`);
run(['analyze', example, '--format', 'table']);
console.log(`\n$ imbalance-lens weights ${example} --scheme pos --format pytorch\n`);
run(['weights', example, '--scheme', 'pos', '--format', 'pytorch']);
console.log('\nTry it on your own data: node dist/cli.js analyze FILE (see README.md for formats and options).');
