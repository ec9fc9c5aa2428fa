/**
 * Chart images for "Save SVG" / "Save PNG". Vega draws on a transparent background (the card shows
 * through); a saved image gets the theme's background, so its light or dark text stays readable
 * wherever it is opened. The SVG part is plain text work (no DOM, tested in node); the PNG part
 * is in pngExport.ts.
 */

/** Only plain colour syntax goes into the SVG text (the theme comes from CSS variables, which we do not trust blindly). */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%/]+\)|[a-z]+)$/i;

/** The SVG text with a full-size background rectangle as its first child. */
export function svgWithBackground(svg: string, background: string): string {
  if (!SAFE_COLOR.test(background.trim())) return svg;
  const open = svg.indexOf('<svg');
  const end = open < 0 ? -1 : svg.indexOf('>', open);
  if (end < 0) return svg;
  const rect = `<rect width="100%" height="100%" fill="${background.trim()}"/>`;
  return svg.slice(0, end + 1) + rect + svg.slice(end + 1);
}
