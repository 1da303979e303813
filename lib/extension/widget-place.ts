import { browser } from 'wxt/browser';

/** Where the user moved the in-page widget: pixels from the viewport's right and bottom edges. */
export interface WidgetPlace {
  right: number;
  bottom: number;
}

// Remembered by the extension, not the page (a page cannot read or move it), for every editor.
// Plain `storage.local` under the key WXT's `local:widget-place` item used, so places saved
// before stay: the content script carries no storage wrapper for one value.
const KEY = 'widget-place';
const CORNER: WidgetPlace = { right: 16, bottom: 16 };

const isPlace = (value: unknown): value is WidgetPlace =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite((value as WidgetPlace).right) &&
  Number.isFinite((value as WidgetPlace).bottom);

/** The remembered place, or the bottom-right corner when none (or something unreadable) is. */
export async function loadWidgetPlace(): Promise<WidgetPlace> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return isPlace(stored) ? stored : CORNER;
}

export function saveWidgetPlace(place: WidgetPlace): Promise<void> {
  return browser.storage.local.set({ [KEY]: place });
}
