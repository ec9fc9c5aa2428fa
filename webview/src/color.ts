/**
 * Just enough colour arithmetic for the chart theme: parse the colour strings VS Code puts in its
 * `--vscode-*` variables (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), rgba()) and mix two of them.
 * Pure functions, no DOM.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i;

/** The colour as RGBA, or undefined for anything this parser does not read (names, hsl(), var()). */
export function parseColor(text: string): Rgba | undefined {
  const s = text.trim();
  const hex = HEX.exec(s);
  if (hex) {
    let h = hex[1];
    if (h.length <= 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number): number => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const rgb = RGB.exec(s);
  if (rgb) {
    const channel = (v: string): number => clamp(v.endsWith('%') ? (parseFloat(v) * 255) / 100 : parseFloat(v), 0, 255);
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return { r: channel(rgb[1]), g: channel(rgb[2]), b: channel(rgb[3]), a: clamp(alpha, 0, 1) };
  }
  return undefined;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const hex2 = (x: number): string => Math.round(clamp(x, 0, 255)).toString(16).padStart(2, '0');

/** #rrggbb, or #rrggbbaa when not opaque. */
export function formatColor(c: Rgba): string {
  const base = `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}`;
  return c.a >= 1 ? base : base + hex2(c.a * 255);
}

/**
 * `a` moved a fraction `t` towards `b` (0 gives a, 1 gives b), channel by channel in sRGB. A
 * colour this module cannot parse is returned as `a` (or `b` when only `b` parses).
 */
export function mixColors(a: string, b: string, t: number): string {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return ca ? a : cb ? b : a;
  const k = clamp(t, 0, 1);
  const lerp = (x: number, y: number): number => x + (y - x) * k;
  return formatColor({ r: lerp(ca.r, cb.r), g: lerp(ca.g, cb.g), b: lerp(ca.b, cb.b), a: lerp(ca.a, cb.a) });
}

/** An opaque version of `color` as seen over `background` (alpha composited), for chart fills that must not look washed out. */
export function flatten(color: string, background: string): string {
  const c = parseColor(color);
  const bg = parseColor(background);
  if (!c || !bg || c.a >= 1) return color;
  return formatColor({ r: bg.r + (c.r - bg.r) * c.a, g: bg.g + (c.g - bg.g) * c.a, b: bg.b + (c.b - bg.b) * c.a, a: 1 });
}

/** WCAG relative luminance (0 black .. 1 white) of an opaque colour; undefined when unparseable. */
export function luminance(color: string): number | undefined {
  const c = parseColor(color);
  if (!c) return undefined;
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio of two colours (1 to 21); 1 when either cannot be parsed. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return 1;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
