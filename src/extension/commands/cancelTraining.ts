/** "Imbalance Lens: Cancel Training": stops the run training now (enabled only while one does); its folder is kept, marked cancelled. */
import * as vscode from 'vscode';
import type { TrainingRunner } from '../training/trainingRunner.js';

export function cancelTrainingCommand(runner: TrainingRunner): boolean {
  if (!runner.isTraining) {
    void vscode.window.showInformationMessage('Imbalance Lens: no training is running.');
    return false;
  }
  // False when the run is already winding down after an earlier cancel.
  return runner.cancel();
}
