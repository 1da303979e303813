import { describe, expect, test } from 'vitest';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { en } from '../../lib/i18n/catalogues/en.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import { intlLocale, pickLanguage } from '../../lib/i18n/locales.ts';
import { messagesIn } from '../support/english.ts';

const german = messagesIn('de', de);
const french = messagesIn('fr', fr);
const english = messagesIn('en-US', en);

describe('numbers and money in the locale, from exact decimal strings', () => {
  test('credits', () => {
    expect(english.tn('credits', '4570')).toBe('4,570 credits');
    expect(german.tn('credits', '4570')).toBe('4.570 Credits');
    expect(french.tn('credits', '4570.5')).toBe('4\u202f570,5 crédits');
  });

  test('money stays in dollars, as Intl writes them for the locale', () => {
    expect(english.formats.usd('250')).toBe('$250.00');
    expect(german.formats.usd('250')).toBe('250,00\u00a0$');
    expect(french.formats.usd('0.41')).toBe('0,41\u00a0$US');
  });

  test('a decimal beyond a double’s precision is still written exactly', () => {
    expect(german.formats.creditAmount('9007199254740993.125')).toBe('9.007.199.254.740.993,125');
  });
});

describe('plural forms', () => {
  test('English: one only for exactly one', () => {
    expect(english.tn('credits', '1')).toBe('1 credit');
    expect(english.tn('credits', '1.5')).toBe('1.5 credits');
    expect(english.tn('operationCount', 1, { name: 'Smart Crop', plural: 'Smart Crops' })).toBe(
      '1 Smart Crop',
    );
    expect(english.tn('operationCount', 2, { name: 'Smart Crop', plural: 'Smart Crops' })).toBe(
      '2 Smart Crops',
    );
  });

  test('German: the English product name keeps its form', () => {
    const names = { name: 'Smart Crop', plural: 'Smart Crops' };
    expect(german.tn('operationCount', 1, names)).toBe('1 × Smart Crop');
    expect(german.tn('operationCount', 1384, names)).toBe('1.384 × Smart Crop');
    expect(german.tn('credits', '1')).toBe('1 Credit');
    expect(german.tn('credits', '2')).toBe('2 Credits');
  });

  test('French: the singular below two', () => {
    expect(french.tn('credits', '1.5')).toBe('1,5 crédit');
    expect(french.tn('credits', '2')).toBe('2 crédits');
  });
});

test('a message a locale misses falls back to English', () => {
  const partial = messagesIn('de', { retry: 'Erneut versuchen' });
  expect(partial.t('retry')).toBe('Erneut versuchen');
  expect(partial.t('reconnect')).toBe('Reconnect');
  expect(partial.tn('credits', '2')).toBe('2 credits');
});

test('the language is the first one Tally speaks, English otherwise', () => {
  expect(pickLanguage(['de-AT'])).toBe('de');
  expect(pickLanguage(['es', 'fr-CA', 'de'])).toBe('fr');
  expect(pickLanguage(['es', undefined, ''])).toBe('en');
  expect(intlLocale('de', 'de-AT')).toBe('de-AT');
  expect(intlLocale('en', 'es-ES')).toBe('en-US');
  expect(intlLocale('fr', 'not a tag')).toBe('fr');
});

describe('a sentence ending in an abbreviated day', () => {
  test('ends with the abbreviation’s period, not two', () => {
    const december = '2026-12-02T09:00:00.000Z';
    expect(french.t('noUpgradeRenews', { day: french.formats.day(december) })).toBe(
      'Aucune mise à niveau ne permet cette opération. Les crédits se renouvellent le 2 déc.',
    );
    expect(german.t('noCreditsUntil', { day: german.formats.day(december) })).toBe(
      'Keine Credits mehr bis zur Erneuerung am 2. Dez.',
    );
    // A day written without a period keeps the sentence's.
    expect(
      french.t('noCreditsUntil', { day: french.formats.day('2026-05-02T09:00:00.000Z') }),
    ).toBe('Plus de crédits jusqu’au renouvellement du 2 mai.');
  });
});
