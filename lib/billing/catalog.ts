import catalogData from './catalog.json' with { type: 'json' };
import type { Catalog } from './types';
import { validateCatalog } from './validate-catalog';

export { findPlan } from './catalog-lookup';
export { rateOf } from './rate';
export { validateCatalog } from './validate-catalog';

/**
 * The four demo plans and three operations of BILLING.md, checked when this module loads.
 * Marked pure so a bundle that never reads it (the content script) drops the JSON too.
 */
export const demoCatalog: Catalog = /* @__PURE__ */ validateCatalog(catalogData);
