import type { Pixels } from './subject-mask.ts';

/** A canvas's 2D context; a browser that has none cannot run the demo's operations. */
export function context2d(
  canvas: HTMLCanvasElement,
  settings?: CanvasRenderingContext2DSettings,
): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', settings);
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so the demo cannot run.');
  return ctx;
}

export function readPixels(canvas: HTMLCanvasElement): Pixels {
  const ctx = context2d(canvas, { willReadFrequently: true });
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}

export function blankCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
