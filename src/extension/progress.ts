/** Long work behind a cancellable progress notification; cancelling aborts the engine's signal. */
import * as vscode from 'vscode';

export type ProgressCallback = (done: number, total: number) => void;

/** Runs `work`; resolves undefined when the user cancelled, rethrows any other failure. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, onProgress: ProgressCallback) => Promise<T>,
): Thenable<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let reported = 0;
    const onProgress: ProgressCallback = (done, total) => {
      const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
      if (percent > reported) {
        progress.report({ increment: percent - reported, message: `${percent}%` });
        reported = percent;
      }
    };
    try {
      return await work(controller.signal, onProgress);
    } catch (e) {
      if (controller.signal.aborted) return undefined;
      throw e;
    }
  });
}
