/**
 * Worker thread entry for the parallel per-label evaluation (bundled to dist/metricsWorker.js):
 * waits for one MetricsJob, runs labelsWork on the labels it takes from the shared counter over
 * the shared matrices, posts the results back and exits.
 */
import { parentPort } from 'node:worker_threads';
import type { MicroAveragePrecisionTally } from '../meanAveragePrecision.js';
import { labelsWork, nextLabelOf, rowTallies } from './labelWork.js';
import type { MetricsJob, MetricsWorkerMessage } from './protocol.js';

function run(job: MetricsJob): MetricsWorkerMessage {
  const data = { rows: job.rows, labelNames: job.labelNames, truth: job.truth, scores: job.scores };
  // Only thresholds, keyBins and negativesAt are read by addNegatives; the positives stay with the dispatcher.
  const tally: MicroAveragePrecisionTally = {
    thresholds: job.microThresholds,
    positivesAt: new Int32Array(0),
    negativesAt: new Int32Array(job.microThresholds.length),
    positives: 0,
  };
  if (job.microKeyBins) tally.keyBins = job.microKeyBins;
  const perRow = rowTallies(job.rows, job.options.tune);
  const works = labelsWork(data, nextLabelOf(job.next, job.labelNames.length), tally, job.options, perRow);
  return { type: 'done', works, negativesAt: tally.negativesAt, perRow };
}

parentPort?.once('message', (job: MetricsJob) => {
  let message: MetricsWorkerMessage;
  try {
    message = run(job);
  } catch (e) {
    message = { type: 'failed', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) };
  }
  const transfer: ArrayBuffer[] = [];
  if (message.type === 'done') {
    const { perRow } = message;
    for (const counts of [message.negativesAt, perRow.rowTrue, perRow.inForce.tp, perRow.inForce.predicted, perRow.tuned?.tp, perRow.tuned?.predicted]) {
      if (counts) transfer.push(counts.buffer as ArrayBuffer);
    }
  }
  parentPort?.postMessage(message, transfer);
});
