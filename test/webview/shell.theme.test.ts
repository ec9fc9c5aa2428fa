/** The chart theme read from --vscode-* variables, its fallbacks, the Vega-Lite config, and the colour helpers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contrastRatio, flatten, formatColor, mixColors, parseColor } from '../../webview/src/color.js';
import { readChartTheme, themeKind, vegaConfig } from '../../webview/src/theme.js';
import { HARNESS_THEMES } from './harness/themes.js';

const vars = (map: Record<string, string>) => ({ getPropertyValue: (name: string) => map[name] ?? '' });

describe('theme kind from the body class', () => {
  test('each VS Code class, high-contrast-light before high-contrast, dark by default', () => {
    assert.equal(themeKind(['vscode-light']), 'light');
    assert.equal(themeKind(['vscode-dark']), 'dark');
    assert.equal(themeKind(['vscode-high-contrast']), 'high-contrast');
    assert.equal(themeKind(['vscode-high-contrast', 'vscode-high-contrast-light']), 'high-contrast-light');
    assert.equal(themeKind([]), 'dark');
  });
});

describe('readChartTheme', () => {
  test('Dark Modern variables: colours as given, rgba made opaque over the background, font', () => {
    const t = readChartTheme(vars(HARNESS_THEMES.dark.vars), ['vscode-dark']);
    assert.equal(t.kind, 'dark');
    assert.equal(t.foreground, '#cccccc');
    assert.equal(t.background, '#1f1f1f');
    assert.equal(t.descriptionForeground, '#9d9d9d');
    assert.deepEqual(t.categorical, ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700']);
    assert.equal(t.warning, '#cca700');
    assert.equal(t.error, '#f14c4c');
    // rgba(204, 204, 204, 0.5) over #1f1f1f
    assert.equal(t.gridColor, '#767676');
    assert.equal(t.fontSize, 13);
    assert.match(t.fontFamily, /system-ui/);
    assert.equal(t.heatHigh, t.categorical[0]);
    assert.ok(contrastRatio(t.heatLow, t.background) > 1.1, 'the low end of the heatmap is distinguishable from the background');
  });

  test('Light Modern variables', () => {
    const t = readChartTheme(vars(HARNESS_THEMES.light.vars), ['vscode-light']);
    assert.equal(t.kind, 'light');
    assert.equal(t.background, '#ffffff');
    assert.equal(t.foreground, '#3b3b3b');
    assert.equal(t.precision, '#1a85ff');
    assert.equal(t.recall, '#d18616');
    assert.equal(t.f1, '#388a34');
  });

  test('no variables at all: the default theme of the kind, readable foreground on background', () => {
    for (const cls of ['vscode-dark', 'vscode-light', 'vscode-high-contrast', 'vscode-high-contrast-light']) {
      const t = readChartTheme(vars({}), [cls]);
      assert.ok(contrastRatio(t.foreground, t.background) >= 7, `${cls}: ${t.foreground} on ${t.background}`);
      assert.equal(t.categorical.length, 6);
      assert.ok(t.categorical.every((c) => parseColor(c) !== undefined));
      assert.equal(t.fontSize, 13);
    }
  });

  test('odd values: unparseable font size falls back; --vscode-foreground stands in for the editor foreground; names pass through', () => {
    const t = readChartTheme(vars({ '--vscode-font-size': 'large', '--vscode-foreground': '#abcdef', '--vscode-charts-red': 'crimson' }), ['vscode-dark']);
    assert.equal(t.fontSize, 13);
    assert.equal(t.foreground, '#abcdef');
    assert.equal(t.categorical[4], 'crimson');
    assert.equal(readChartTheme(vars({ '--vscode-font-size': ' 15px ' }), []).fontSize, 15);
  });
});

describe('vegaConfig', () => {
  test('transparent background, theme fonts and colours on axes, legends and titles, the categorical and heatmap ranges', () => {
    const t = readChartTheme(vars(HARNESS_THEMES.dark.vars), ['vscode-dark']);
    const c = vegaConfig(t);
    assert.equal(c.background, 'transparent');
    assert.equal(c.font, t.fontFamily);
    assert.equal(c.axis?.labelColor, t.foreground);
    assert.equal(c.axis?.titleColor, t.descriptionForeground);
    assert.equal(c.axis?.gridColor, t.gridColor);
    assert.equal(c.legend?.labelColor, t.foreground);
    assert.equal(c.title?.color, t.foreground);
    assert.equal(c.axis?.labelFontSize, 11);
    assert.deepEqual(c.range?.category, t.categorical);
    assert.deepEqual(c.range?.heatmap, [t.heatLow, t.heatHigh]);
    assert.equal(c.aria, false);
  });
});

describe('colour helpers', () => {
  test('parseColor reads hex (3, 4, 6, 8 digits) and rgb()/rgba(); not names or var()', () => {
    assert.deepEqual(parseColor('#fff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColor('#0008'), { r: 0, g: 0, b: 0, a: 136 / 255 });
    assert.deepEqual(parseColor('#1f1f1f'), { r: 31, g: 31, b: 31, a: 1 });
    assert.deepEqual(parseColor('#ffffff1a'), { r: 255, g: 255, b: 255, a: 26 / 255 });
    assert.deepEqual(parseColor('rgba(204, 204, 204, 0.5)'), { r: 204, g: 204, b: 204, a: 0.5 });
    assert.deepEqual(parseColor('rgb(10 20 30 / 50%)'), { r: 10, g: 20, b: 30, a: 0.5 });
    assert.equal(parseColor('red'), undefined);
    assert.equal(parseColor('var(--x)'), undefined);
  });

  test('mix, flatten, format, contrast', () => {
    assert.equal(mixColors('#000000', '#ffffff', 0.5), '#808080');
    assert.equal(mixColors('#000000', '#ffffff', 2), '#ffffff');
    assert.equal(mixColors('nonsense', '#ffffff', 0.5), '#ffffff');
    assert.equal(flatten('rgba(255, 255, 255, 0.5)', '#000000'), '#808080');
    assert.equal(formatColor({ r: 1, g: 2, b: 3, a: 0.5 }), '#01020380');
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
    assert.equal(contrastRatio('#123456', '#123456'), 1);
  });
});
