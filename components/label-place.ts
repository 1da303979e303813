import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Where a label `width` wide is centred: on `x`, or moved in just enough that it stays within
 * 0 to `span` (a label wider than the span is centred on it).
 */
export function centredWithin(x: number, width: number, span: number): number {
  const half = Math.min(width, span) / 2;
  return Math.min(Math.max(x, half), span - half);
}

/**
 * The drawn width of an SVG text in its drawing's units, measured before the browser paints it,
 * once for each word it shows: a word is as wide as its language writes it ("Aujourd’hui" is
 * twice "Today"). `estimate` until it is drawn, and where nothing lays text out.
 */
export function useTextWidth(text: RefObject<SVGTextElement | null>, estimate: number): number {
  const [width, setWidth] = useState(estimate);
  const measured = useRef<string | null>(null);
  useLayoutEffect(() => {
    const element = text.current;
    if (!element || element.textContent === measured.current) return;
    measured.current = element.textContent;
    const drawn = element.getComputedTextLength?.();
    if (drawn) setWidth(drawn);
  });
  return width;
}
