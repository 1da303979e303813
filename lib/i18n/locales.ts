/** The languages Tally speaks; English is the fallback of every other. */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of a BCP 47 tag: `de-AT` → `de`. */
export function languageOf(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The first of `tags` (BCP 47, most preferred first) that Tally speaks; English when none. */
export function pickLanguage(tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const language = LANGUAGES.find((known) => known === languageOf(tag ?? ''));
    if (language) return language;
  }
  return 'en';
}

/**
 * The locale numbers and dates are written in: the user's own tag when it is of the language
 * the words are in ("de-AT", "fr-CH" keep their region's conventions), else the language's
 * usual one, so a sentence never mixes German words with English numbers.
 */
export function intlLocale(language: Language, userTag: string | null | undefined): string {
  if (userTag && languageOf(userTag) === language) {
    try {
      return Intl.getCanonicalLocales(userTag.replace('_', '-'))[0] ?? language;
    } catch {
      // Not a tag Intl reads: the language alone.
    }
  }
  return language === 'en' ? 'en-US' : language;
}
