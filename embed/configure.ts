import type { GetToken } from './token-source.ts';

export type Theme = 'light' | 'dark' | 'auto';
export type Layout = 'compact' | 'expanded';

/** Page-wide defaults for every Tally widget on the page (`Tally.configure({ getToken })`). */
export interface TallyDefaults {
  getToken?: GetToken | undefined;
  api?: string | undefined;
  theme?: Theme | undefined;
  layout?: Layout | undefined;
}

// The page is one host with one session: a page-wide default is what a vendor expects from a
// script-tag API, and each widget's own options still win over it.
const defaults: TallyDefaults = {};
const listeners = new Set<() => void>();

export function configure(options: TallyDefaults): void {
  Object.assign(defaults, options);
  for (const listener of listeners) listener();
}

export function configuredDefaults(): Readonly<TallyDefaults> {
  return defaults;
}

/** Called after every `configure()`; returns the unsubscribe. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
