import { storage } from 'wxt/utils/storage';

/** Where the user moved the in-page widget: pixels from the viewport's right and bottom edges. */
export interface WidgetPlace {
  right: number;
  bottom: number;
}

/** Remembered by the extension, not the page (a page cannot read or move it), for every editor. */
export function defineWidgetPlaceItem() {
  return storage.defineItem<WidgetPlace>('local:widget-place', {
    fallback: { right: 16, bottom: 16 },
  });
}
