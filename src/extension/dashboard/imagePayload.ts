/**
 * Checks on a chart image sent by the webview before anything is written: a PNG must be a base64
 * `data:image/png` URL holding PNG bytes, an SVG must be SVG markup, and the suggested file name
 * loses any folder and characters file systems reject. Pure.
 */
import * as path from 'node:path';

const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes of a PNG sent as a data: URL, or undefined when it is not a base64 PNG data URL. */
export function pngFromDataUrl(dataUrl: string): Uint8Array | undefined {
  if (!dataUrl.startsWith(PNG_DATA_URL_PREFIX)) return undefined;
  const base64 = dataUrl.slice(PNG_DATA_URL_PREFIX.length);
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  return bytes;
}

/** SVG markup as vega's toSVG makes it: an <svg> root, optionally after an XML declaration or comments. */
export function looksLikeSvg(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text);
}

/** A file name from the webview made safe: no folders, no characters file systems reject, the right extension. */
export function safeFileName(requested: string, extension: string): string {
  const base = path.basename(requested.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  const stem = base.toLowerCase().endsWith(`.${extension}`) ? base.slice(0, -(extension.length + 1)) : base;
  return `${stem || 'chart'}.${extension}`;
}
