/**
 * The wizards' steps: one quick pick or input box each, titled "Imbalance Lens: <what> (step/total)",
 * resolving undefined when the user pressed Escape or clicked away (the wizard then stops and
 * nothing is written).
 */
import * as vscode from 'vscode';
import { validationMessage, type Parsed } from './parseInputs.js';

export interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

export interface Step {
  title: string;
  step: number;
  total: number;
}

function stepTitle(step: Step): string {
  return `Imbalance Lens: ${step.title} (${step.step}/${step.total})`;
}

/** A single-choice quick pick; the first item is the default (Enter takes it). */
export async function pickOne<T>(step: Step, placeHolder: string, choices: Choice<T>[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(choices, { title: stepTitle(step), placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.value;
}

/** An input box prefilled with `value`; Enter is taken only once `parse` accepts the text. */
export async function askValue<T>(step: Step, prompt: string, value: string, parse: (text: string) => Parsed<T>): Promise<T | undefined> {
  const text = await vscode.window.showInputBox({ title: stepTitle(step), prompt, value, validateInput: validationMessage(parse) });
  if (text === undefined) return undefined;
  const parsed = parse(text);
  return 'value' in parsed ? parsed.value : undefined;
}
