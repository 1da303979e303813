// The demo's "photo": a studio product shot of a ceramic mug, drawn on a canvas so the page
// needs no network and no image file. Off-centre on purpose, so Smart Crop has work to do.
import { context2d } from './canvas-pixels.ts';

const PHOTO_WIDTH = 960;
const PHOTO_HEIGHT = 640;

export function drawProductPhoto(canvas: HTMLCanvasElement): void {
  canvas.width = PHOTO_WIDTH;
  canvas.height = PHOTO_HEIGHT;
  const ctx = context2d(canvas);
  drawBackdrop(ctx);
  drawCoaster(ctx, 392, 470);
  drawMug(ctx, 392, 300);
}

// A paper sweep: the colour changes only from top to bottom (subject-mask.ts relies on it).
function drawBackdrop(ctx: CanvasRenderingContext2D): void {
  const sweep = ctx.createLinearGradient(0, 0, 0, PHOTO_HEIGHT);
  sweep.addColorStop(0, '#f1ece4');
  sweep.addColorStop(0.62, '#e6dfd4');
  sweep.addColorStop(1, '#d8cfc2');
  ctx.fillStyle = sweep;
  ctx.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
}

function drawCoaster(ctx: CanvasRenderingContext2D, cx: number, cy: number): void {
  // A tight contact shadow, mostly hidden under the disc: a studio shot lit from above.
  const shadow = ctx.createRadialGradient(cx + 8, cy + 14, 10, cx + 8, cy + 14, 184);
  shadow.addColorStop(0, 'rgba(70, 50, 30, 0.4)');
  shadow.addColorStop(0.85, 'rgba(70, 50, 30, 0.18)');
  shadow.addColorStop(1, 'rgba(70, 50, 30, 0)');
  ctx.fillStyle = shadow;
  ctx.beginPath();
  ctx.ellipse(cx + 8, cy + 14, 184, 42, 0, 0, Math.PI * 2);
  ctx.fill();

  ctx.fillStyle = '#5b3a22';
  ctx.beginPath();
  ctx.ellipse(cx, cy + 10, 170, 38, 0, 0, Math.PI * 2);
  ctx.fill();
  const top = ctx.createLinearGradient(cx - 170, cy, cx + 170, cy);
  top.addColorStop(0, '#8a5a35');
  top.addColorStop(0.5, '#a8744a');
  top.addColorStop(1, '#7a4e2c');
  ctx.fillStyle = top;
  ctx.beginPath();
  ctx.ellipse(cx, cy, 170, 36, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = 'rgba(60, 35, 18, 0.35)';
  ctx.lineWidth = 1.5;
  for (const [rx, ry] of [
    [140, 29],
    [104, 21],
    [66, 13],
  ] as const) {
    ctx.beginPath();
    ctx.ellipse(cx, cy, rx, ry, 0, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function drawMug(ctx: CanvasRenderingContext2D, cx: number, top: number): void {
  const halfWidth = 118;
  const height = 180;
  const bottom = top + height;
  const glaze = (from: string, mid: string, to: string) => {
    const g = ctx.createLinearGradient(cx - halfWidth, 0, cx + halfWidth, 0);
    g.addColorStop(0, from);
    g.addColorStop(0.32, mid);
    g.addColorStop(0.42, '#f0a27e');
    g.addColorStop(0.55, mid);
    g.addColorStop(1, to);
    return g;
  };

  // Handle: a thick ring on the right, behind the body.
  ctx.strokeStyle = '#b4532f';
  ctx.lineWidth = 30;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.ellipse(cx + halfWidth + 6, top + 86, 52, 58, 0, -Math.PI * 0.42, Math.PI * 0.42);
  ctx.stroke();
  ctx.strokeStyle = '#cf6a42';
  ctx.lineWidth = 12;
  ctx.beginPath();
  ctx.ellipse(cx + halfWidth + 10, top + 84, 50, 56, 0, -Math.PI * 0.36, Math.PI * 0.36);
  ctx.stroke();

  // Body with a rounded base.
  ctx.fillStyle = glaze('#9c4426', '#d4693f', '#8a3a20');
  ctx.beginPath();
  ctx.moveTo(cx - halfWidth, top);
  ctx.lineTo(cx - halfWidth + 4, bottom - 18);
  ctx.quadraticCurveTo(cx - halfWidth + 8, bottom, cx - halfWidth + 30, bottom + 4);
  ctx.lineTo(cx + halfWidth - 30, bottom + 4);
  ctx.quadraticCurveTo(cx + halfWidth - 8, bottom, cx + halfWidth - 4, bottom - 18);
  ctx.lineTo(cx + halfWidth, top);
  ctx.closePath();
  ctx.fill();

  // Unglazed foot ring: bare clay.
  ctx.fillStyle = '#d4a57c';
  ctx.beginPath();
  ctx.moveTo(cx - halfWidth + 10, bottom - 14);
  ctx.quadraticCurveTo(cx - halfWidth + 12, bottom + 2, cx - halfWidth + 30, bottom + 4);
  ctx.lineTo(cx + halfWidth - 30, bottom + 4);
  ctx.quadraticCurveTo(cx + halfWidth - 12, bottom + 2, cx + halfWidth - 10, bottom - 14);
  ctx.closePath();
  ctx.fill();

  // Rim, inside, coffee.
  ctx.fillStyle = '#e58a62';
  ctx.beginPath();
  ctx.ellipse(cx, top, halfWidth, 26, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#7c3218';
  ctx.beginPath();
  ctx.ellipse(cx, top + 2, halfWidth - 10, 20, 0, 0, Math.PI * 2);
  ctx.fill();
  const coffee = ctx.createRadialGradient(cx - 20, top + 6, 4, cx, top + 8, halfWidth);
  coffee.addColorStop(0, '#6b4426');
  coffee.addColorStop(1, '#2f1a0d');
  ctx.fillStyle = coffee;
  ctx.beginPath();
  ctx.ellipse(cx, top + 8, halfWidth - 16, 15, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgba(230, 200, 160, 0.7)';
  ctx.beginPath();
  ctx.ellipse(cx - 22, top + 6, 26, 4, -0.1, 0, Math.PI * 2);
  ctx.fill();

  // Stamped maker's mark.
  ctx.fillStyle = 'rgba(255, 236, 220, 0.85)';
  ctx.font = '600 22px Georgia, "Times New Roman", serif';
  ctx.textAlign = 'center';
  ctx.fillText('L U M E N', cx - 6, top + 104);
  ctx.fillStyle = 'rgba(255, 236, 220, 0.6)';
  ctx.font = '13px Georgia, serif';
  ctx.fillText('stoneware · 12 oz', cx - 6, top + 128);
}
