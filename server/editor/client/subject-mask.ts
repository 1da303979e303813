// Finds the product in a studio photo: the backdrop of a product shot changes only from top to
// bottom (a paper sweep), so each row's backdrop colour is read from its left and right edges,
// and a pixel belongs to the subject as far as it differs from that colour. A shadow is the
// backdrop made darker with its hue kept, so a darker pixel of the backdrop's chromaticity is
// backdrop too: the cut-out leaves the shadow behind. Pure, on raw RGBA.

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EDGE = 6;
/** Colour distance (sum over R, G, B) below which a pixel is backdrop, and the soft ramp above. */
const BACKDROP = 22;
const RAMP = 34;
/** Chromaticity distance (sum over r, g, b shares) below which a darker pixel is a shadow. */
const SHADOW_HUE = 0.035;
const SHADOW_RAMP = 0.02;

/** How much each pixel belongs to the subject, 0 to 1, row by row. */
export function subjectMask({ width, height, data }: Pixels): Float32Array {
  const mask = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const backdrop = rowBackdrop(data, width, y);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const opacity = (data[i + 3] ?? 0) / 255;
      const pixel: Rgb = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      const distance = backdrop ? colourDistance(pixel, backdrop) : 255;
      const fromColour =
        ramp(distance, BACKDROP, RAMP) * (backdrop ? 1 - shadowness(pixel, backdrop) : 1);
      mask[y * width + x] = Math.min(opacity, fromColour);
    }
  }
  return mask;
}

type Rgb = [number, number, number];

function colourDistance(a: Rgb, b: Rgb): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}

/** 1 for a shadow on the backdrop (darker, same hue), 0 for anything else, soft in between. */
function shadowness(pixel: Rgb, backdrop: Rgb): number {
  const light = pixel[0] + pixel[1] + pixel[2];
  const backdropLight = backdrop[0] + backdrop[1] + backdrop[2];
  if (light === 0 || light >= backdropLight) return 0;
  let hue = 0;
  for (const c of [0, 1, 2] as const)
    hue += Math.abs(pixel[c] / light - backdrop[c] / backdropLight);
  return 1 - ramp(hue, SHADOW_HUE, SHADOW_RAMP);
}

/** 0 up to `start`, then rising linearly to 1 over `width`. */
function ramp(value: number, start: number, width: number): number {
  return Math.min(1, Math.max(0, (value - start) / width));
}

/** The mean colour of a row's opaque edge pixels; null when its edges are already cut out. */
function rowBackdrop(data: Uint8ClampedArray, width: number, y: number): Rgb | null {
  const sum: Rgb = [0, 0, 0];
  let count = 0;
  for (let k = 0; k < Math.min(EDGE, width); k++) {
    for (const x of [k, width - 1 - k]) {
      const i = (y * width + x) * 4;
      if ((data[i + 3] ?? 0) < 250) continue;
      sum[0] += data[i] ?? 0;
      sum[1] += data[i + 1] ?? 0;
      sum[2] += data[i + 2] ?? 0;
      count++;
    }
  }
  return count === 0 ? null : [sum[0] / count, sum[1] / count, sum[2] / count];
}

/** The smallest rectangle holding every pixel that is mostly subject; null when none is. */
export function subjectBounds(mask: Float32Array, width: number, height: number): Rect | null {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((mask[y * width + x] ?? 0) < 0.5) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return null;
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * A square around the subject with `padding` (a fraction of its larger side) on each side,
 * centred on it and moved, never shrunk below the subject, to stay inside the image.
 */
export function squareAround(subject: Rect, padding: number, width: number, height: number): Rect {
  const wanted = Math.round(Math.max(subject.width, subject.height) * (1 + 2 * padding));
  const side = Math.min(wanted, width, height);
  const centreX = subject.x + subject.width / 2;
  const centreY = subject.y + subject.height / 2;
  const x = clamp(Math.round(centreX - side / 2), 0, width - side);
  const y = clamp(Math.round(centreY - side / 2), 0, height - side);
  return { x, y, width: side, height: side };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
