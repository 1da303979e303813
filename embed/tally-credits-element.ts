import type { Layout, Theme } from './configure.ts';
import { type MountedWidget, mountInShadow } from './mount.ts';
import type { GetToken } from './token-source.ts';

const ATTRIBUTES = ['api', 'layout', 'theme', 'lang'] as const;

/**
 * `<tally-credits api="https://billing.example" layout="compact|expanded" theme="light|dark|auto"
 * lang="de">` (the language defaults to the page's `<html lang>`).
 * The token never comes from an attribute: set `element.getToken = async () => token` or
 * `Tally.configure({ getToken })`. Until one exists the widget waits, showing it connects.
 */
export class TallyCreditsElement extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES];

  #getToken: GetToken | undefined;
  #widget: MountedWidget | undefined;
  #mountedApi: string | null = null;
  #mountedLang: string | null = null;

  constructor() {
    super();
    // A host may set `getToken` before this script defined the element: that own property
    // would hide the accessor below, so take it over.
    if (Object.hasOwn(this, 'getToken')) {
      const early = (this as { getToken?: GetToken }).getToken;
      delete (this as { getToken?: GetToken }).getToken;
      this.getToken = early;
    }
  }

  get getToken(): GetToken | undefined {
    return this.#getToken;
  }

  set getToken(value: GetToken | undefined) {
    if (value !== undefined && typeof value !== 'function') {
      throw new TypeError('tally-credits: getToken must be a function returning the token');
    }
    this.#getToken = value;
    this.#widget?.tokenProvided();
  }

  connectedCallback(): void {
    if (this.hasAttribute('token')) {
      console.warn('tally-credits: the token attribute is ignored; set element.getToken instead.');
    }
    this.#render();
  }

  disconnectedCallback(): void {
    // Moving the element within the page disconnects and reconnects it synchronously.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#render();
  }

  #render(): void {
    const api = this.getAttribute('api');
    const lang = this.getAttribute('lang');
    // Another API or language is another widget: its words and numbers are set at mount.
    if (this.#widget && (this.#mountedApi !== api || this.#mountedLang !== lang)) this.#unmount();
    const options = {
      api: api ?? undefined,
      layout: (this.getAttribute('layout') as Layout | null) ?? undefined,
      theme: (this.getAttribute('theme') as Theme | null) ?? undefined,
    };
    if (this.#widget) {
      this.#widget.update(options);
      return;
    }
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#mountedApi = api;
    this.#mountedLang = lang;
    this.#widget = mountInShadow(shadow, {
      ...options,
      ...(lang ? { locale: lang } : {}),
      getToken: () => this.#getToken,
    });
  }

  #unmount(): void {
    this.#widget?.unmount();
    this.#widget = undefined;
  }
}

export function defineTallyCredits(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('tally-credits')) registry.define('tally-credits', TallyCreditsElement);
}
