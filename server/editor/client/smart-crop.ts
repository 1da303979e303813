import { blankCanvas, context2d, readPixels } from './canvas-pixels.ts';
import { squareAround, subjectBounds, subjectMask } from './subject-mask.ts';

/** A square crop centred on the product, the framing marketplaces ask for. */
export function smartCrop(source: HTMLCanvasElement): HTMLCanvasElement | null {
  const pixels = readPixels(source);
  const subject = subjectBounds(subjectMask(pixels), pixels.width, pixels.height);
  if (!subject) return null;
  const crop = squareAround(subject, 0.12, pixels.width, pixels.height);
  const out = blankCanvas(crop.width, crop.height);
  context2d(out).drawImage(
    source,
    crop.x,
    crop.y,
    crop.width,
    crop.height,
    0,
    0,
    crop.width,
    crop.height,
  );
  return out;
}
