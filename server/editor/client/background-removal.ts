import { blankCanvas, context2d, readPixels } from './canvas-pixels.ts';
import { subjectMask } from './subject-mask.ts';

/** Knocks the backdrop out: the product stays, with soft edges; the rest turns transparent. */
export function removeBackground(source: HTMLCanvasElement): HTMLCanvasElement {
  const pixels = readPixels(source);
  const mask = subjectMask(pixels);
  for (let p = 0; p < mask.length; p++) pixels.data[p * 4 + 3] = Math.round((mask[p] ?? 0) * 255);
  const out = blankCanvas(pixels.width, pixels.height);
  context2d(out).putImageData(new ImageData(pixels.data, pixels.width, pixels.height), 0, 0);
  return out;
}
