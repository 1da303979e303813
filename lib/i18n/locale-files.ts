import { de } from './catalogues/de.ts';
import { en } from './catalogues/en.ts';
import { fr } from './catalogues/fr.ts';
import type { Language } from './locales.ts';
import { type Catalogue, flatten } from './messages.ts';

export const CATALOGUES: Record<Language, Catalogue> = { en, de, fr };

/**
 * The extension's `_locales/<lang>/messages.json`, one per language, from the catalogues: the
 * browser picks the file of its UI language and falls back to `en` (the manifest's
 * `default_locale`) message by message. `$` starts a placeholder in that format, so a literal
 * one is written `$$`; Tally's own `{name}` placeholders pass through untouched.
 */
export function localeFiles(): { relativeDest: string; contents: string }[] {
  return Object.entries(CATALOGUES).map(([language, catalogue]) => {
    const messages: Record<string, { message: string }> = {};
    for (const [name, text] of flatten(catalogue)) {
      messages[name] = { message: text.replaceAll('$', '$$$$') };
    }
    return {
      relativeDest: `_locales/${language}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
