/**
 * Restricted Mode: reading and analysing files works in any workspace; anything that writes files
 * (exported thresholds, saved images, resampled data, trained models) needs a trusted workspace.
 */
import * as vscode from 'vscode';

const MANAGE_TRUST = 'Manage Workspace Trust';

/**
 * True when the workspace is trusted. Otherwise tells the user that `action` (e.g. "Exporting
 * thresholds") is off in Restricted Mode, offers to manage trust, and returns false.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(
      `Imbalance Lens: ${action} writes files, which is turned off in Restricted Mode. Analysis still works; trust this workspace to write files.`,
      MANAGE_TRUST,
    )
    .then((choice) => {
      if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
