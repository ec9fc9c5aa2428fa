/** Every command the extension contributes; package.json `contributes.commands` lists the same ids. */
export const enum CommandId {
  AnalyzeDataset = 'imbalanceLens.analyzeDataset',
  EvaluatePredictions = 'imbalanceLens.evaluatePredictions',
  OpenDashboard = 'imbalanceLens.openDashboard',
  ShowWeightSuggestions = 'imbalanceLens.showWeightSuggestions',
  ShowReportMarkdown = 'imbalanceLens.showReportMarkdown',
  ShowLog = 'imbalanceLens.showLog',
  ShowReportJson = 'imbalanceLens.showReportJson',
  CopyPosWeight = 'imbalanceLens.copyPosWeight',
  CopyThresholds = 'imbalanceLens.copyThresholds',
  ResampleDataset = 'imbalanceLens.resampleDataset',
  CreateSplit = 'imbalanceLens.createSplit',
}
