/** Every command the extension contributes; package.json `contributes.commands` lists the same ids. */
export const enum CommandId {
  AnalyzeDataset = 'imbalanceLens.analyzeDataset',
  EvaluatePredictions = 'imbalanceLens.evaluatePredictions',
  ShowReportJson = 'imbalanceLens.showReportJson',
  CopyPosWeight = 'imbalanceLens.copyPosWeight',
  CopyThresholds = 'imbalanceLens.copyThresholds',
}
