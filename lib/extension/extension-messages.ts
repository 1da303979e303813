import { browser } from 'wxt/browser';
import { intlLocale, LANGUAGES, type Language } from '../i18n/locales.ts';
import { createMessages, type Messages } from '../i18n/messages.ts';

// WXT types getMessage from the message files it finds at `wxt prepare`; Tally's are written
// at build time from lib/i18n's catalogues, so the names are plain strings here.
const i18n = browser.i18n as unknown as {
  getMessage(name: string): string;
  getUILanguage(): string;
};

/**
 * What the extension says, in the browser's UI language: the browser picks the catalogue
 * (`_locales/<lang>/messages.json`, written from lib/i18n's catalogues at build time) and falls
 * back to English for a missing message itself, so no page or content script carries any
 * catalogue. Numbers and dates follow the language the words came in.
 */
export function extensionMessages(): Messages {
  const named = i18n.getMessage('language');
  const language: Language = LANGUAGES.find((known) => known === named) ?? 'en';
  const locale = intlLocale(language, i18n.getUILanguage());
  return createMessages(locale, (name) => i18n.getMessage(name) || undefined);
}
