// The demo editor's image operations find the product the same way every time.
import { expect, test } from 'vitest';
import {
  squareAround,
  subjectBounds,
  subjectMask,
} from '../../server/editor/client/subject-mask.ts';

/** A studio shot: a backdrop that darkens from top to bottom and an opaque product block. */
function studioShot(
  width: number,
  height: number,
  product: { x: number; y: number; w: number; h: number },
) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inside =
        x >= product.x && x < product.x + product.w && y >= product.y && y < product.y + product.h;
      const shade = 240 - Math.round((y / height) * 40);
      data.set(inside ? [200, 90, 50, 255] : [shade, shade - 6, shade - 14, 255], i);
    }
  }
  return { width, height, data };
}

/** Where studioShot puts the product in the tests below. */
const product = { x: 30, y: 20, width: 40, height: 30 };

test('the product is found exactly, whatever the backdrop’s gradient', () => {
  const shot = studioShot(120, 80, { x: 30, y: 20, w: 40, h: 30 });

  expect(subjectBounds(subjectMask(shot), 120, 80)).toEqual(product);
});

test('the product’s shadow on the backdrop is left behind', () => {
  const shot = studioShot(120, 80, { x: 30, y: 20, w: 40, h: 30 });
  // A shadow falls below and to the right: the same backdrop, 35% darker.
  for (let y = 50; y < 60; y++) {
    for (let x = 34; x < 80; x++) {
      const i = (y * 120 + x) * 4;
      for (let c = 0; c < 3; c++) shot.data[i + c] = Math.round((shot.data[i + c] ?? 0) * 0.65);
    }
  }

  expect(subjectBounds(subjectMask(shot), 120, 80)).toEqual(product);
});

test('an empty backdrop has no subject', () => {
  const shot = studioShot(60, 40, { x: 0, y: 0, w: 0, h: 0 });

  expect(subjectBounds(subjectMask(shot), 60, 40)).toBeNull();
});

test('pixels already cut out count as backdrop', () => {
  const shot = studioShot(60, 40, { x: 10, y: 10, w: 20, h: 10 });
  for (let i = 3; i < shot.data.length; i += 4) shot.data[i] = 0;

  expect(subjectBounds(subjectMask(shot), 60, 40)).toBeNull();
});

test('the square crop holds the subject with padding, centred, inside the image', () => {
  const subject = { x: 30, y: 20, width: 40, height: 30 };
  const square = squareAround(subject, 0.1, 120, 80);

  expect(square.width).toBe(48);
  expect(square.height).toBe(48);
  expect(square.x + square.width / 2).toBe(50);
  expect(square.x).toBeLessThanOrEqual(subject.x);
  expect(square.y).toBeLessThanOrEqual(subject.y);
  expect(square.x + square.width).toBeGreaterThanOrEqual(subject.x + subject.width);
  expect(square.y + square.height).toBeGreaterThanOrEqual(subject.y + subject.height);
});

test('near an edge the square moves inward instead of leaving the image', () => {
  const square = squareAround({ x: 100, y: 60, width: 20, height: 20 }, 0.25, 120, 80);

  expect(square).toEqual({ x: 90, y: 50, width: 30, height: 30 });
});
