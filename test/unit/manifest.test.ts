/**
 * package.json against the code: every setting declared is read by settings.ts with the same
 * default (and nothing undeclared is read, nor read elsewhere), the walkthrough's media and links
 * are real, and Restricted Mode is declared and enforced by requireTrust.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Uri } from 'vscode';
import type * as SettingsModule from '../../src/extension/settings.js';
import type * as TrustModule from '../../src/extension/trust.js';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;
const declaredCommands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
/** VS Code's own commands the walkthrough may run. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.quickOpen', 'workbench.action.files.openFile', 'workbench.actions.view.problems', 'workbench.action.openSettings']);

/** Every key settings.ts asks for, with the fallback it passes, over all its reading functions. */
function settingsRead(): Map<string, unknown> {
  const base = createFakeVscode();
  const read = new Map<string, unknown>();
  const vscode = {
    ...base.vscode,
    workspace: {
      ...base.vscode.workspace,
      getConfiguration(section: string) {
        assert.equal(section, 'imbalanceLens');
        return {
          get<T>(key: string, fallback: T): T {
            read.set(`imbalanceLens.${key}`, fallback);
            return fallback;
          },
        };
      },
    },
  };
  const settings = requireWithVscode(path.join(root, 'src/extension/settings.ts'), vscode) as typeof SettingsModule;
  const file = (p: string) => base.Uri.file(p) as unknown as Uri;
  const csv = file('/data/train.csv');
  settings.analyzeOptionsFromSettings(csv);
  settings.evaluateOptionsFromSettings(file('/data/train.pred.csv'), csv);
  settings.weightSchemeFromSettings(csv);
  settings.minPositivesFromSettings(csv);
  settings.resampleOptionsFromSettings(csv);
  settings.trainingSettingsFromSettings(csv);
  return read;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('settings', () => {
  test('every declared setting is read by settings.ts with its declared default, and nothing else is read', () => {
    const read = settingsRead();
    assert.deepEqual([...read.keys()].sort(), Object.keys(properties).sort());
    for (const [key, fallback] of read) assert.deepEqual(fallback, properties[key].default, `${key}: settings.ts falls back to the declared default`);
  });

  test('the extension reads its settings only through settings.ts', () => {
    const others = filesUnder(path.join(root, 'src/extension')).filter((f) => f.endsWith('.ts') && !f.endsWith(`${path.sep}settings.ts`));
    for (const file of others) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /getConfiguration\(\s*['"]imbalanceLens/, `${path.relative(root, file)} reads imbalanceLens settings itself`);
    }
  });

  test('each setting is described, scoped, and its enum and default agree', () => {
    const scopes = new Set(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable']);
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, `${key} has a markdownDescription`);
      assert.ok(scopes.has(p.scope as string), `${key} declares a scope`);
      if (Array.isArray(p.enum)) {
        assert.ok(p.enum.includes(p.default), `${key}: the default is one of the enum values`);
        for (const list of ['markdownEnumDescriptions', 'enumItemLabels']) {
          if (p[list] !== undefined) assert.equal((p[list] as unknown[]).length, p.enum.length, `${key}: one ${list} entry per value`);
        }
      }
    }
    const deprecated = Object.entries(properties).filter(([, p]) => p.markdownDeprecationMessage !== undefined).map(([k]) => k);
    assert.deepEqual(deprecated, ['imbalanceLens.rareLabelThreshold']);
    assert.equal(properties['imbalanceLens.minPositives'].default, 10);
    assert.equal(properties['imbalanceLens.delimiter'].default, 'auto');
  });
});

describe('walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  const steps: { id: string; title: string; description: string; media: Record<string, string>; completionEvents: string[] }[] = walkthrough.steps;

  test('"Find and fix label imbalance", four or five steps, each with markdown media that exists', () => {
    assert.equal(manifest.contributes.walkthroughs.length, 1);
    assert.equal(walkthrough.title, 'Find and fix label imbalance');
    assert.ok(steps.length >= 4 && steps.length <= 5);
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.image ?? step.media.svg;
      assert.ok(media?.startsWith('media/walkthrough/'), `${step.id}: media under media/walkthrough/`);
      assert.ok(fs.existsSync(path.join(root, media)), `${step.id}: ${media} exists`);
      if (step.media.image || step.media.svg) assert.ok(step.media.altText, `${step.id}: an image needs altText`);
    }
  });

  test('command links and completion events name declared commands or VS Code\'s own, with JSON array arguments', () => {
    const known = (id: string) => declaredCommands.has(id) || BUILT_IN_COMMANDS.has(id);
    for (const step of steps) {
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)];
      assert.ok(links.length > 0, `${step.id} has a command link`);
      for (const [, id, args] of links) {
        assert.ok(known(id), `${step.id}: command ${id}`);
        if (args !== undefined) assert.ok(Array.isArray(JSON.parse(decodeURIComponent(args))), `${step.id}: arguments of ${id}`);
      }
      assert.ok(step.completionEvents.length > 0, `${step.id} has completion events`);
      for (const event of step.completionEvents) {
        const [kind, ...rest] = event.split(':');
        assert.ok(['onCommand', 'onContext'].includes(kind), event);
        if (kind === 'onCommand') assert.ok(known(rest.join(':')), `${step.id}: ${event}`);
      }
    }
    assert.ok(steps.some((s) => s.completionEvents.includes('onCommand:imbalanceLens.analyzeDataset')));
    assert.ok(steps.some((s) => s.completionEvents.includes('onCommand:imbalanceLens.copyPosWeight')));
    assert.ok(steps.some((s) => s.completionEvents.includes('onCommand:imbalanceLens.evaluatePredictions')));
  });

  test('the sample files the walkthrough opens are in examples/', () => {
    const opened = steps.flatMap((s) => [...s.description.matchAll(/command:workbench\.action\.quickOpen\?([^)]*)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]))[0] as string));
    assert.deepEqual(opened, ['song-moods.arff', 'song-moods.pred.csv']);
    for (const name of opened) assert.ok(fs.existsSync(path.join(root, 'examples', name)), name);
    assert.ok(fs.existsSync(path.join(root, 'examples', 'README.md')));
  });
});

describe('Restricted Mode', () => {
  test('declared as limited support, with a description; virtual workspaces are not supported', () => {
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    assert.match(untrustedWorkspaces.description, /Restricted Mode/);
    for (const key of untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(key in properties, `${key} is a declared setting`);
    assert.equal(virtualWorkspaces.supported, false);
    assert.ok(virtualWorkspaces.description.length > 0);
  });

  test('requireTrust: true in a trusted workspace; otherwise false, with a message that offers to manage trust', async () => {
    const base = createFakeVscode();
    const warnings: { message: string; items: string[] }[] = [];
    let answer: string | undefined;
    const workspace = { ...base.vscode.workspace, isTrusted: true };
    const vscode = {
      ...base.vscode,
      workspace,
      window: {
        ...base.vscode.window,
        async showWarningMessage(message: string, ...items: string[]) {
          warnings.push({ message, items });
          return answer;
        },
      },
    };
    const { requireTrust } = requireWithVscode(path.join(root, 'src/extension/trust.ts'), vscode) as typeof TrustModule;
    assert.equal(requireTrust('Exporting thresholds'), true);
    assert.deepEqual(warnings, []);

    workspace.isTrusted = false;
    answer = 'Manage Workspace Trust';
    assert.equal(requireTrust('Exporting thresholds'), false);
    assert.deepEqual(warnings, [{
      message: 'Imbalance Lens: Exporting thresholds writes files, which is turned off in Restricted Mode. Analysis still works; trust this workspace to write files.',
      items: ['Manage Workspace Trust'],
    }]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(base.recorded.executed.map((e) => e.command), ['workbench.trust.manage']);
  });
});
