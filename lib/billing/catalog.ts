import catalogData from './catalog.json' with { type: 'json' };
import type { Catalog } from './types';

export { findPlan } from './catalog-lookup';
export { rateOf } from './rate';

/**
 * The four demo plans and three operations of BILLING.md. The server checks the catalogue it
 * bills with when it starts (server/catalog-file.ts), this one included.
 */
export const demoCatalog: Catalog = catalogData;
