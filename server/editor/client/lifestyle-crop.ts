import { removeBackground } from './background-removal.ts';
import { blankCanvas, context2d, readPixels } from './canvas-pixels.ts';
import { subjectBounds, subjectMask } from './subject-mask.ts';

// A 4:5 portrait, the feed format of social storefronts.
const WIDTH = 640;
const HEIGHT = 800;
const TABLE_TOP = 560;

/** Puts the product on an oak table by a sunny wall, framed 4:5. */
export function lifestyleCrop(source: HTMLCanvasElement): HTMLCanvasElement | null {
  const cutout = removeBackground(source);
  const pixels = readPixels(cutout);
  const subject = subjectBounds(subjectMask(pixels), pixels.width, pixels.height);
  if (!subject) return null;

  const out = blankCanvas(WIDTH, HEIGHT);
  const ctx = context2d(out);
  drawRoom(ctx);

  const scale = Math.min((WIDTH * 0.56) / subject.width, (HEIGHT * 0.42) / subject.height);
  const width = subject.width * scale;
  const height = subject.height * scale;
  const x = (WIDTH - width) / 2 - 30;
  const y = TABLE_TOP + 70 - height;
  const shadow = ctx.createRadialGradient(
    x + width / 2 + 18,
    y + height - 6,
    6,
    x + width / 2 + 18,
    y + height - 6,
    width * 0.62,
  );
  shadow.addColorStop(0, 'rgba(60, 40, 20, 0.45)');
  shadow.addColorStop(1, 'rgba(60, 40, 20, 0)');
  ctx.fillStyle = shadow;
  ctx.beginPath();
  ctx.ellipse(x + width / 2 + 18, y + height - 6, width * 0.62, 26, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.drawImage(cutout, subject.x, subject.y, subject.width, subject.height, x, y, width, height);
  return out;
}

function drawRoom(ctx: CanvasRenderingContext2D): void {
  const wall = ctx.createLinearGradient(0, 0, WIDTH, TABLE_TOP);
  wall.addColorStop(0, '#f6efe3');
  wall.addColorStop(1, '#e3d6c2');
  ctx.fillStyle = wall;
  ctx.fillRect(0, 0, WIDTH, TABLE_TOP);

  // Window light falling across the wall.
  ctx.save();
  ctx.globalAlpha = 0.5;
  ctx.fillStyle = '#fff8e8';
  ctx.transform(1, 0, -0.35, 1, 0, 0);
  for (const [x, w] of [
    [250, 90],
    [360, 90],
  ] as const) {
    ctx.fillRect(x, 70, w, 170);
    ctx.fillRect(x, 254, w, 170);
  }
  ctx.restore();

  drawPlant(ctx, 548, TABLE_TOP + 6);

  const table = ctx.createLinearGradient(0, TABLE_TOP, 0, HEIGHT);
  table.addColorStop(0, '#c99b68');
  table.addColorStop(1, '#a87a4c');
  ctx.fillStyle = table;
  ctx.fillRect(0, TABLE_TOP, WIDTH, HEIGHT - TABLE_TOP);
  ctx.fillStyle = '#8e633b';
  ctx.fillRect(0, TABLE_TOP, WIDTH, 5);
  ctx.strokeStyle = 'rgba(120, 80, 45, 0.35)';
  ctx.lineWidth = 2;
  for (let i = 0; i < 7; i++) {
    const y = TABLE_TOP + 28 + i * 34;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.bezierCurveTo(WIDTH * 0.3, y - 8, WIDTH * 0.6, y + 10, WIDTH, y - 4);
    ctx.stroke();
  }
}

function drawPlant(ctx: CanvasRenderingContext2D, cx: number, base: number): void {
  ctx.fillStyle = '#4f7a4a';
  for (const [dx, dy, rx, ry, angle] of [
    [-40, -190, 22, 70, -0.5],
    [0, -230, 20, 78, 0.05],
    [38, -185, 21, 68, 0.55],
    [-62, -130, 18, 56, -0.95],
    [58, -128, 18, 54, 0.95],
  ] as const) {
    ctx.beginPath();
    ctx.ellipse(cx + dx, base + dy, rx, ry, angle, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = '#eee6da';
  ctx.beginPath();
  ctx.moveTo(cx - 56, base - 120);
  ctx.lineTo(cx + 56, base - 120);
  ctx.lineTo(cx + 44, base);
  ctx.lineTo(cx - 44, base);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.06)';
  ctx.fillRect(cx - 56, base - 120, 112, 10);
}
