// One esbuild call per bundle: the extension host, the CLI, the CSV scan worker, the metrics worker, the resample/split worker,
// the training worker (the tfjs .wasm binaries copied beside it), and the dashboard webview (a browser bundle and its stylesheet, plus the codicon font it uses).
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { IMBALANCE_LENS_VERSION: JSON.stringify(version) },
};

const bundles = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/core/io/csv/scanWorker.ts'], outfile: 'dist/csvScanWorker.js' },
  { ...common, entryPoints: ['src/core/metrics/parallel/metricsWorker.ts'], outfile: 'dist/metricsWorker.js' },
  // The worker always tells tfjs where the .wasm files are (beside it), so backend.ts's require.resolve fallback never runs in the bundle.
  { ...common, entryPoints: ['src/core/train/run/trainingWorker.ts'], outfile: 'dist/trainWorker.js', logOverride: { 'require-resolve-not-external': 'silent' } },
  { ...common, entryPoints: ['src/core/analysis/writeJobWorker.ts'], outfile: 'dist/writeJobWorker.js' },
  // The dashboard page loads it as one classic nonce'd script, hence an IIFE.
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: ['webview/src/main.ts'],
    outfile: 'dist/webview/dashboard.js',
  },
  { bundle: true, minify: production, logLevel: 'warning', entryPoints: ['webview/dashboard.css'], outfile: 'dist/webview/dashboard.css' },
];

// The codicon stylesheet and font, served from dist/webview beside the bundle (the CSP's font-src is our own origin).
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);
// The TensorFlow.js WebAssembly binaries, beside the training worker, which loads them from its own folder.
const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(`${wasmDir}/${file}`, `dist/${file}`);

if (watch) {
  const contexts = await Promise.all(bundles.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
}
