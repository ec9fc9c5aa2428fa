/** "Save PNG": vega's PNG redrawn over the theme's background on a canvas (see exportImage.ts for why). */

/** A PNG data URL of `imageUrl` (from view.toImageURL) drawn over `background`. */
export async function pngWithBackground(imageUrl: string, background: string): Promise<string> {
  const image = new Image();
  image.src = imageUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) return imageUrl;
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}
