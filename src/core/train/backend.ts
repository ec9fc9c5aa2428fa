/**
 * Picks the TensorFlow.js backend once per process: tfjs-node when it is installed and loads (native
 * libtensorflow; never required), else WebAssembly (its .wasm files read from a directory we give,
 * so the extension can ship them in dist/), else the pure-JS 'cpu' backend.
 */
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';

export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface TfBackendOptions {
  /** Directory holding tfjs-backend-wasm*.wasm; default: the installed package's dist/. */
  wasmDir?: string;
  /** Skip tfjs-node even when installed (tests that compare backends). */
  preferred?: TfBackendName;
}

let chosen: Promise<TfBackendName> | undefined;

/** Initialises (once) and returns the backend in use. */
export function initTfBackend(options: TfBackendOptions = {}): Promise<TfBackendName> {
  chosen ??= pickBackend(options);
  return chosen;
}

async function pickBackend(options: TfBackendOptions): Promise<TfBackendName> {
  tf.enableProdMode(); // no debug checks, and no console banner suggesting tfjs-node
  const order: TfBackendName[] = options.preferred ? [options.preferred, 'wasm', 'cpu'] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    try {
      if (name === 'tensorflow') await loadTfjsNode();
      if (name === 'wasm') await loadWasm(options.wasmDir);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
    } catch {
      // not installed or not loadable here: try the next one
    }
  }
  throw new Error('no TensorFlow.js backend could be initialised');
}

/** tfjs-node registers the 'tensorflow' backend on import; a module name in a variable keeps bundlers from requiring it. */
async function loadTfjsNode(): Promise<void> {
  const name = '@tensorflow/tfjs-node';
  await import(name);
}

async function loadWasm(wasmDir: string | undefined): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const dir = wasmDir ?? defaultWasmDir();
  wasm.setWasmPaths(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** The dist/ folder of the installed @tensorflow/tfjs-backend-wasm. */
export function defaultWasmDir(): string {
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
}
