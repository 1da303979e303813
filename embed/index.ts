// Tally's embeddable widget: this module (built as tally-core.<version>.mjs) defines
// `<tally-credits>` and exports { mount, configure, preflight, usageRecorded, version };
// `tally.mjs` re-exports it and `<script src="…/embed/tally.js">` (loader.ts) puts the same on
// `window.Tally`. The page side of the protocol is included so a vendor's editor needs nothing
// else to ask before an operation. What only the expanded layout and the dialog need comes
// later, from on-demand.ts.
import { defineTallyCredits } from './tally-credits-element.ts';

export { preflight, usageRecorded } from '../lib/page/page-side.ts';
export { configure, type Layout, type TallyDefaults, type Theme } from './configure.ts';
export { type MountOptions, mount } from './mount.ts';
export { TallyCreditsElement } from './tally-credits-element.ts';
export type { GetToken } from './token-source.ts';

export const version: string = import.meta.env.TALLY_EMBED_VERSION ?? '0.0.0';

if (typeof customElements !== 'undefined') defineTallyCredits();
