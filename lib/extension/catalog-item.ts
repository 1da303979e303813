import { storage } from 'wxt/utils/storage';
import type { Catalog } from '../api/schemas/plan.ts';

/** The plan catalogue rarely changes: cached so the dialog can offer plans without a round trip. */
export function defineCatalogItem() {
  return storage.defineItem<Catalog | null>('local:catalog', { fallback: null });
}

export type CatalogItem = ReturnType<typeof defineCatalogItem>;
