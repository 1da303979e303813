// The types of the widget's npm package (`tally.mjs`, the same module the server serves at
// /embed/tally.mjs). Written out rather than emitted: the sources' types reach into zod schemas
// and the widget's internals, which a vendor's app should not need to resolve.
// tests/embed/package-types.test.ts holds every declaration here equal to embed/index.ts's.

export type Theme = 'light' | 'dark' | 'auto';
export type Layout = 'compact' | 'expanded';

/** Your function that returns the signed-in member's token; Tally calls it whenever it needs one. */
export type GetToken = () => string | Promise<string>;

export interface MountOptions {
  /** The billing API's base URL; by default the origin that served the script. */
  api?: string;
  /** Returns the signed-in member's token; called whenever one is needed. */
  getToken?: GetToken;
  theme?: Theme;
  layout?: Layout;
  /** The widget's language (a BCP 47 tag: "de", "fr-CA"); by default the page's `<html lang>`. */
  locale?: string;
}

/** Page-wide defaults for every Tally widget on the page; each widget's own options win. */
export interface TallyDefaults {
  getToken?: GetToken;
  api?: string;
  theme?: Theme;
  layout?: Layout;
}

/** Draws the widget in its own shadow root inside `element`. */
export function mount(element: Element, options?: MountOptions): { unmount(): void };

/** Sets page-wide defaults (typically `getToken`) for every widget on the page. */
export function configure(options: TallyDefaults): void;

export type WidgetKind = 'extension' | 'embed';

/** What an operation costs now; credits and dollars are decimal strings. */
export interface Quote {
  operation: string;
  quantity: number;
  credits: string;
  fromPlan: string;
  overageCredits: string;
  overageUsd: string;
  planValueUsd: string;
  availableAfter: string;
  outcome: 'covered' | 'overage' | 'blocked';
  reason?: 'plan-disallows-overage' | 'overage-cap-reached' | undefined;
}

/** The widget's answer to a preflight; `unavailable`: rely on your server's 402. */
export type Decision =
  | { decision: 'proceed' | 'cancel'; overage: boolean; quote: Quote }
  | { decision: 'unavailable' };

export interface PreflightOptions {
  /** How long a widget has to take the request (its `tally:preflight-received`). */
  timeoutMs?: number;
  /** How long a widget that took the request may keep the user deciding in its dialog. */
  decisionTimeoutMs?: number;
  /** Called when a widget took the request: the page may say it waits for the user's choice. */
  onReceived?: (kind: WidgetKind) => void;
  document?: Document;
}

/** Asks the Tally widget before running an operation; never rejects for a missing widget. */
export function preflight(
  operation: string,
  quantity: number,
  options?: PreflightOptions,
): Promise<Decision>;

/** Tells the widget your backend recorded usage, so it refreshes the balance now. */
export function usageRecorded(operation: string, quantity: number, doc?: Document): void;

/** The package's version, the same as the billing server's `/v1/health` reports. */
export const version: string;

/** The attributes of `<tally-credits>`, for JSX intrinsic element declarations. */
export interface TallyCreditsAttributes {
  api?: string;
  layout?: Layout;
  theme?: Theme;
  /** English, German or French ("en", "de", "fr", with a region if you like); else English. */
  lang?: string;
}

/**
 * `<tally-credits api="…" layout="compact|expanded" theme="light|dark|auto" lang="de">`, defined
 * when the module is imported (the language defaults to the page's `<html lang>`). The token never comes from an attribute: set `getToken`.
 */
export class TallyCreditsElement extends HTMLElement {
  static observedAttributes: ('api' | 'layout' | 'theme' | 'lang')[];
  get getToken(): GetToken | undefined;
  set getToken(value: GetToken | undefined);
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tally-credits': TallyCreditsElement;
  }
  /**
   * The page protocol's events from a widget, on the document; each detail is a JSON string
   * (docs/page-protocol.md).
   */
  interface DocumentEventMap {
    'tally:ready': CustomEvent<string>;
    'tally:preflight-received': CustomEvent<string>;
    'tally:decision': CustomEvent<string>;
  }
}
