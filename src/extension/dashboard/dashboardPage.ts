/**
 * Puts the dashboard page into a webview: scripts on, resources only from the extension's
 * dist/webview and media folders, and the page from dashboardHtml with a fresh nonce each time.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { dashboardHtml } from './dashboardHtml.js';

/** The webview options of every dashboard (panel or custom editor). No retainContextWhenHidden: the page restores itself from its state. */
export function dashboardWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** 128 random bits, base64: a new one for every page load, so a script can never guess it. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Sets the webview's options and (re)loads the dashboard page titled `title`. */
export function loadDashboardPage(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): void {
  webview.options = dashboardWebviewOptions(extensionUri);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  webview.html = dashboardHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: asset('dashboard.js'),
    styleUris: [asset('codicon.css'), asset('dashboard.css')],
    title,
  });
}

export function dashboardIcon(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
}
