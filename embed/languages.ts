import { enWidget } from '../lib/i18n/catalogues/en-widget.ts';
import { intlLocale, type Language, pickLanguage } from '../lib/i18n/locales.ts';
import type { Catalogue } from '../lib/i18n/messages.ts';
import { type MessageShelf, messageShelf } from '../lib/i18n/shelf.ts';

type Part = 'widget' | 'pages';

// Another language's words are chunks of their own, fetched only by a widget that speaks it;
// English is the fallback of every message, so its widget part is in the core.
const PARTS: Record<Exclude<Language, 'en'>, Record<Part, () => Promise<Catalogue>>> = {
  de: {
    widget: async () => (await import('../lib/i18n/catalogues/de-widget.ts')).deWidget,
    pages: async () => (await import('../lib/i18n/catalogues/de-pages.ts')).dePages,
  },
  fr: {
    widget: async () => (await import('../lib/i18n/catalogues/fr-widget.ts')).frWidget,
    pages: async () => (await import('../lib/i18n/catalogues/fr-pages.ts')).frPages,
  },
};

export interface WidgetLanguage {
  language: Language;
  shelf: MessageShelf;
  /** Resolves once the words the chip shows at once are here (at once for English). */
  ready: Promise<void>;
  /** The words of the dialog and the expanded layout, with English's from the on-demand chunk. */
  addPages(english: Catalogue): Promise<void>;
}

/**
 * The widget's language: `locale` (Tally.mount's option or the element's `lang`), else the
 * page's `<html lang>`; English when Tally does not speak it. Numbers follow the tag's region.
 */
export function widgetLanguage(locale: string | undefined, page: Document): WidgetLanguage {
  const tag = locale || page.documentElement.lang || undefined;
  const language = pickLanguage([tag]);
  const shelf = messageShelf(intlLocale(language, tag));
  if (language === 'en') {
    shelf.add(undefined, enWidget);
    return {
      language,
      shelf,
      ready: Promise.resolve(),
      addPages: async (en) => shelf.add(undefined, en),
    };
  }
  const parts = PARTS[language];
  // A part that cannot be fetched leaves English in its place: the widget still works.
  const fetched = (part: Part) =>
    parts[part]().catch((error: unknown) => {
      console.error(`Tally: the ${language} words could not be loaded; showing English.`, error);
      return undefined;
    });
  return {
    language,
    shelf,
    ready: fetched('widget').then((own) => shelf.add(own, enWidget)),
    addPages: async (english) => shelf.add(await fetched('pages'), english),
  };
}
