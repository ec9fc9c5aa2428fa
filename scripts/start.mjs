// `npm start`: the extension in a real VS Code. Builds and packages the .vsix, installs code-server
// if it is missing (test/e2e/setup.sh), installs the .vsix into a project-local profile
// (.e2e/start-profile/) and serves VS Code on 127.0.0.1 (port 8123 when free) with the sample
// folder examples/ open. Ctrl+C stops it.
//
//   npm start                          VS Code in the browser, on examples/
//   npm start -- --port 9000 FOLDER    another port (if free) and folder
//   npm start -- --cli                 the command-line demo instead: analyze and weights on
//                                      examples/support-tickets.csv (no code-server needed)
//
// The VS Code part runs through `node --import tsx` (the package.json script does): it shares
// test/e2e/codeServer.ts with the end-to-end tests. `--cli` needs only node.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PREFERRED_PORT = 8123;

function parseArgs(argv) {
  const options = { cli: false, port: PREFERRED_PORT, folder: path.join(ROOT, 'examples') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--cli') options.cli = true;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start [-- [--port N] [FOLDER] | --cli]');
      process.exit(0);
    } else if (!arg.startsWith('-')) options.folder = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);
    else fail(`unknown option ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) fail('--port needs a port number');
  return options;
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** The command-line demo: the analysis as a table, then the pos_weight snippet for PyTorch. */
function cliDemo() {
  run(process.execPath, ['scripts/build.mjs'], 'the build');
  const example = 'examples/support-tickets.csv';
  console.log(`$ imbalance-lens analyze ${example} --format table\n`);
  run(process.execPath, ['dist/cli.js', 'analyze', example, '--format', 'table'], 'analyze');
  console.log(`\n$ imbalance-lens weights ${example} --scheme pos --format pytorch\n`);
  run(process.execPath, ['dist/cli.js', 'weights', example, '--scheme', 'pos', '--format', 'pytorch'], 'weights');
  console.log('\nTry it on your own data: node dist/cli.js analyze FILE (see README.md for formats and options).');
}

async function vscodeInBrowser(options) {
  const { CODE_SERVER_BIN, E2E_DIR, SETUP_COMMAND, createProfile, ensureVsix, freePort, installVsix, startCodeServer } = await import(
    '../test/e2e/codeServer.ts'
  ).catch((e) => fail(`cannot load test/e2e/codeServer.ts (run through \`npm start\`, which loads tsx): ${e.message}`));
  if (!fs.existsSync(options.folder) || !fs.statSync(options.folder).isDirectory()) fail(`${options.folder} is not a folder`);

  console.log('[1/4] building and packaging the extension (npm run package)');
  const vsix = ensureVsix((line) => console.log(`      ${line}`));
  console.log(`      ${path.relative(ROOT, vsix)}`);

  console.log(`[2/4] checking code-server and chromium (${SETUP_COMMAND}${fs.existsSync(CODE_SERVER_BIN) ? '' : '; the first run installs code-server, about a minute and a half'})`);
  run('bash', ['test/e2e/setup.sh'], SETUP_COMMAND);

  console.log('[3/4] installing the extension into the profile in .e2e/start-profile/');
  const profile = createProfile(path.join(E2E_DIR, 'start-profile'));
  const installed = installVsix(profile, vsix);
  console.log(`      imbalance-lens ${installed.version}`);

  console.log(`[4/4] starting code-server on 127.0.0.1 (port ${options.port} if free)`);
  const port = await freePort(options.port);
  const server = await startCodeServer({ profile, folder: options.folder, port });

  const rule = '-'.repeat(72);
  console.log(`\n${rule}`);
  console.log('Imbalance Lens is running in VS Code (code-server). Open in a browser:\n');
  console.log(`    ${server.url}\n`);
  console.log(`Folder: ${options.folder}`);
  const analyze = installed.manifest.contributes.commands.find((c) => c.command === 'imbalanceLens.analyzeDataset');
  console.log(`Try: right-click a .csv or .arff file > ${analyze?.title ?? 'Analyze Dataset'}, or F1 > "Imbalance Lens".`);
  console.log('Press Ctrl+C to stop code-server.');
  console.log(`${rule}\n`);

  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping code-server ...`);
    await server.stop();
    console.log('stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server exited on its own (${signal ?? `exit ${code}`}); its last output:\n${server.output()}`);
    process.exit(1);
  });
}

const options = parseArgs(process.argv.slice(2));
if (options.cli) cliDemo();
else await vscodeInBrowser(options).catch((e) => fail(e instanceof Error ? e.message : String(e)));
