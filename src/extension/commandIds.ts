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
  TrainBaseline = 'imbalanceLens.trainBaseline',
  CompareStrategies = 'imbalanceLens.compareStrategies',
  CancelTraining = 'imbalanceLens.cancelTraining',
  OpenRun = 'imbalanceLens.openRun',
  CompareRuns = 'imbalanceLens.compareRuns',
  // The Runs view's title bar and context menu.
  RefreshRuns = 'imbalanceLens.refreshRuns',
  RevealRun = 'imbalanceLens.revealRun',
  DeleteRun = 'imbalanceLens.deleteRun',
}
