import { describe, expect, test } from 'vitest';
import { en } from '../../lib/i18n/catalogues/en.ts';
import { CATALOGUES, localeFiles } from '../../lib/i18n/locale-files.ts';
import { LANGUAGES } from '../../lib/i18n/locales.ts';
import { flatten, type Message, type Template } from '../../lib/i18n/messages.ts';

const placeholders = (template: Template) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

/** Every placeholder any form of a message uses. */
function placeholdersOf(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(forms.flatMap(placeholders))].sort();
}

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s catalogue', (language) => {
  const catalogue = CATALOGUES[language] as Record<string, Message | undefined>;

  test('has every message English has, and no other', () => {
    const missing = Object.keys(en).filter((key) => catalogue[key] === undefined);
    const unknown = Object.keys(catalogue).filter((key) => !(key in en));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  test('fills the same values as English (a plural may leave some out)', () => {
    for (const [key, english] of Object.entries(en) as [string, Message][]) {
      const own = catalogue[key];
      if (own === undefined) continue;
      expect(typeof own, key).toBe(typeof english);
      const offered = placeholdersOf(english);
      // A plural's forms may do without a value English needs ("3 × Smart Crop" takes no
      // English plural), never use one it does not offer; a sentence fills exactly its values.
      if (typeof own === 'string') expect(placeholdersOf(own), key).toEqual(offered);
      else for (const name of placeholdersOf(own)) expect(offered, key).toContain(name);
    }
  });

  test('has a plural form for every category of its plural rules', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogue)) {
      if (typeof message !== 'object') continue;
      expect(Object.keys(message).sort(), key).toEqual(expect.arrayContaining(['other']));
      // A category without its own form takes `other`: only a needed one is missing.
      const forms = Object.keys(message);
      for (const form of forms) expect(categories, `${key}.${form}`).toContain(form);
    }
  });
});

test('the message names are ones the browser takes, and none differ only by case', () => {
  const names = [...flatten(en).keys()];
  for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_]+$/);
  expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
});

test('the extension gets one messages.json per language, with $ escaped', () => {
  const files = localeFiles();
  expect(files.map((file) => file.relativeDest)).toEqual(
    LANGUAGES.map((language) => `_locales/${language}/messages.json`),
  );
  const german = JSON.parse(files[1]?.contents ?? '{}') as Record<string, { message: string }>;
  expect(german.extName?.message).toBe('Tally – Credit-Kontrolle');
  expect(german.credits__one?.message).toBe('{count} Credit');
  expect(german.language?.message).toBe('de');
});

test('each language splits its words as English does: the widget’s, the pages’ and the popup’s', async () => {
  const part = (language: string, name: string) =>
    import(`../../lib/i18n/catalogues/${language}-${name}.ts`) as Promise<
      Record<string, Record<string, unknown>>
    >;
  for (const name of ['widget', 'pages', 'popup']) {
    const english = Object.values(await part('en', name))[0] ?? {};
    for (const language of ['de', 'fr']) {
      const own = Object.values(await part(language, name))[0] ?? {};
      expect(Object.keys(own).sort(), `${language}-${name}`).toEqual(Object.keys(english).sort());
    }
  }
});
