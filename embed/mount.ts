import { effect, signal } from '@preact/signals';
import { h, render } from 'preact';
import { MessagesContext } from '../components/messages-context.ts';
import themeCss from '../components/theme.css?inline';
import { createCreditModel } from '../lib/store/credit-model.ts';
import { localMath } from '../lib/store/local-math.ts';
import { watchColorScheme } from './color-scheme.ts';
import { configuredDefaults, type Layout, type Theme } from './configure.ts';
import { EmbedApp } from './EmbedApp.tsx';
import embedCss from './embed.css?inline';
import { widgetLanguage } from './languages.ts';
import { onDemand } from './on-demand.ts';
import { respondToPage } from './page-responder.ts';
import { scriptOrigin } from './script-origin.ts';
import { createTokenSource, type GetToken } from './token-source.ts';
import { createEmbedTransport } from './transport.ts';

export interface MountOptions {
  /** The billing API's base URL; by default the origin that served the script. */
  api?: string | undefined;
  /** Returns the signed-in member's token; called whenever one is needed. */
  getToken?: GetToken | undefined;
  theme?: Theme | undefined;
  layout?: Layout | undefined;
  /** The widget's language (a BCP 47 tag: "de", "fr-CA"); by default the page's `<html lang>`. */
  locale?: string | undefined;
}

export interface MountedWidget {
  update(options: { layout?: Layout | undefined; theme?: Theme | undefined }): void;
  /** The element's getToken was (re)set: requests waiting for a token may go on. */
  tokenProvided(): void;
  unmount(): void;
}

const LAYOUTS: readonly [Layout, ...Layout[]] = ['compact', 'expanded'];
const THEMES: readonly [Theme, ...Theme[]] = ['auto', 'light', 'dark'];

const pick = <T extends string>(
  allowed: readonly [T, ...T[]],
  ...candidates: (T | undefined)[]
): T =>
  candidates.find((value): value is T => value !== undefined && allowed.includes(value)) ??
  allowed[0];

/**
 * `Tally.mount(element, { api, getToken, theme, layout, locale })`: the widget in its own shadow root
 * inside `element`, so neither the host's CSS nor ours crosses over.
 */
export function mount(element: Element, options: MountOptions = {}): { unmount(): void } {
  if (!(element instanceof Element)) throw new TypeError('Tally.mount: pass a DOM element');
  const host = element.ownerDocument.createElement('tally-root');
  element.append(host);
  const widget = mountInShadow(host.attachShadow({ mode: 'open' }), {
    ...options,
    getToken: () => options.getToken,
  });
  return {
    unmount() {
      widget.unmount();
      host.remove();
    },
  };
}

export function mountInShadow(
  shadow: ShadowRoot,
  options: Omit<MountOptions, 'getToken'> & { getToken: () => GetToken | undefined },
): MountedWidget {
  const doc = shadow.ownerDocument;
  const defaults = configuredDefaults();
  const api = options.api ?? defaults.api ?? scriptOrigin();
  const layout = signal(pick(LAYOUTS, options.layout, defaults.layout));
  const theme = signal(pick(THEMES, options.theme, defaults.theme));
  const scheme = watchColorScheme(doc.defaultView);
  const words = widgetLanguage(options.locale, doc);
  const { messages } = words.shelf;

  const style = doc.createElement('style');
  // theme.css: chip, preview, balance. The dialog and the expanded layout bring their own
  // stylesheets with them (EmbedDialog.tsx, ExpandedLayout.tsx).
  style.textContent = `${themeCss}\n${embedCss}`;
  const root = doc.createElement('div');
  root.className = 'tally-embed-root';
  root.lang = messages.locale;
  shadow.replaceChildren(style, root);

  const tokens = createTokenSource(options.getToken);
  const transport = api ? createEmbedTransport({ api, tokens }) : undefined;
  const model = transport ? createCreditModel(transport, { math: localMath, messages }) : undefined;
  const stopResponding = model ? respondToPage(model, doc) : () => {};

  // The host's display (inline chip or block panel) follows the layout, see embed.css.
  const stopMirror = effect(() => shadow.host.setAttribute('data-tally-layout', layout.value));
  const parts = transport && model ? onDemand(transport.api, model, words) : undefined;
  const alert = transport?.alert;
  const app = h(EmbedApp, {
    model,
    api,
    layout,
    theme,
    dark: scheme.dark,
    page: doc,
    parts,
    alert,
  });
  let mounted = true;
  // The chip shows words at once: in another language, once they arrived (English is here).
  void words.ready.then(() => {
    if (mounted) render(h(MessagesContext.Provider, { value: messages }, app), root);
  });
  void model?.start();
  if (!api) console.error('Tally: set the billing API URL (the api attribute or option).');

  return {
    update(next) {
      if (next.layout) layout.value = pick(LAYOUTS, next.layout);
      if (next.theme) theme.value = pick(THEMES, next.theme);
    },
    tokenProvided: tokens.provided,
    unmount() {
      mounted = false;
      stopResponding();
      stopMirror();
      render(null, root);
      model?.dispose();
      transport?.dispose();
      tokens.dispose();
      scheme.dispose();
      shadow.replaceChildren();
    },
  };
}
