import { browser } from 'wxt/browser';

/**
 * What the in-page widget needs of WXT's ContentScriptContext, in its place in the content
 * script's build (wxt.config.ts aliases `wxt/utils/content-script-context` here): to hear that a
 * newer copy of this script started on the page (the extension was reloaded or updated), so the
 * old widget takes itself down and leaves the page to the new one. WXT's own class also brings
 * location watching and guarded timers the widget never uses, over 1 KB gzip of a 24 KB budget.
 * The handshake is WXT's: a document event named for this extension and script.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(contentScriptName: string) {
    const started = `${browser.runtime.id}:${contentScriptName}:tally-script-started`;
    const id = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(started, { detail: id }));
    const newer = (event: Event) => {
      if (event instanceof CustomEvent && event.detail !== id) this.controller.abort();
    };
    document.addEventListener(started, newer, { signal: this.controller.signal });
  }

  get isInvalid(): boolean {
    return this.controller.signal.aborted || browser.runtime?.id == null;
  }

  onInvalidated(callback: () => void): () => void {
    this.controller.signal.addEventListener('abort', callback);
    return () => this.controller.signal.removeEventListener('abort', callback);
  }
}
