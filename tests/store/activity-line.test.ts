import { describe, expect, test } from 'vitest';
import { demoCatalog } from '../../lib/billing/catalog.ts';
import { de } from '../../lib/i18n/catalogues/de.ts';
import { en } from '../../lib/i18n/catalogues/en.ts';
import { fr } from '../../lib/i18n/catalogues/fr.ts';
import { activityByLine, activityLine, needsTeamNames } from '../../lib/store/activity-line.ts';
import { messagesIn } from '../support/english.ts';
import { entryOf as entry, snapshotOf } from './fixtures.ts';

const english = messagesIn('en-US', en);
const german = messagesIn('de', de);
const french = messagesIn('fr', fr);
const catalog = demoCatalog;

const usage = entry({
  kind: 'usage',
  operation: 'lifestyle-crop',
  quantity: 1114,
  credits: '-4567.4',
  description: '1,114 × Lifestyle Crop on Growth: 4,567.4 credits',
});
const overUsage = entry({
  kind: 'usage',
  operation: 'lifestyle-crop',
  quantity: 1,
  credits: '-2',
  overageCredits: '2.1',
  amountUsd: '0.21',
  description: '1 × Lifestyle Crop on Growth: 4.1 credits (2.1 credits overage, $0.21)',
});
const held = entry({
  kind: 'hold',
  operation: 'background-removal',
  quantity: 3,
  holdId: 'hold_1',
  credits: '-8.4',
  description: '8.4 credits held for 3 × Background Removal',
});
const captured = (credits: string) =>
  entry({
    kind: 'capture',
    operation: 'background-removal',
    quantity: 2,
    holdId: 'hold_1',
    credits,
    description: `Captured 2 of 3 × Background Removal held: 5.6 credits used, ${credits} credits returned`,
  });
const returned = (memberId: string | null) =>
  entry({
    kind: 'release',
    memberId,
    operation: 'background-removal',
    quantity: 3,
    holdId: 'hold_1',
    credits: '8.4',
    description: `Hold ${memberId ? 'released' : 'expired'}: 8.4 credits returned`,
  });
const renewal = entry({
  kind: 'grant',
  memberId: null,
  credits: '4570',
  amountUsd: '250.00',
  description: 'Growth renewed: 4,570 credits, $250.00',
});

describe('operations, holds and what became of them, in the UI’s language', () => {
  test('an operation: how many of what, with the locale’s digits', () => {
    expect(activityLine(usage, catalog, english)).toEqual({ text: '1,114 × Lifestyle Crop' });
    expect(activityLine(usage, catalog, german)).toEqual({ text: '1.114 × Lifestyle Crop' });
    expect(activityLine(usage, catalog, french).text).toBe('1\u202f114 × Lifestyle Crop');
  });

  test('the credits an operation took as overage', () => {
    expect(activityLine(overUsage, catalog, english).text).toBe(
      '1 × Lifestyle Crop · 2.1 credits as overage',
    );
    expect(activityLine(overUsage, catalog, german).text).toBe(
      '1 × Lifestyle Crop · 2,1 Credits als Mehrverbrauch',
    );
    expect(activityLine(overUsage, catalog, french).text).toBe(
      '1 × Lifestyle Crop · 2,1 crédits en dépassement',
    );
  });

  test('a hold, its capture with or without a rest, its release and its expiry', () => {
    expect(activityLine(held, catalog, german).text).toBe('Reserviert für 3 × Background Removal');
    expect(activityLine(captured('2.8'), catalog, english).text).toBe(
      '2 × Background Removal from credits held, the rest returned',
    );
    expect(activityLine(captured('0'), catalog, french).text).toBe(
      '2 × Background Removal, prélevé sur les crédits réservés',
    );
    expect(activityLine(returned('mem_ada'), catalog, german).text).toBe(
      'Reservierung freigegeben: 3 × Background Removal',
    );
    expect(activityLine(returned(null), catalog, english).text).toBe(
      'Hold expired: 3 × Background Removal',
    );
  });

  test('before the catalogue arrives, the operation’s id reads as its name', () => {
    expect(activityLine(held, null, english).text).toBe('Held for 3 × Background Removal');
  });
});

// What the calendar and plan changes wrote, with the plans the entries name.
const newTerm = entry({ ...renewal, planId: 'growth' });
const dormantTerms = entry({
  ...renewal,
  planId: 'growth',
  terms: 3,
  amountUsd: '750.00',
  description:
    'Growth renewed for 3 terms without activity, Jan 3 to Mar 3: 4,570 credits and $250.00 each term',
});
const expired = (terms?: number) =>
  entry({
    kind: 'expiry',
    memberId: null,
    planId: 'growth',
    ...(terms === undefined ? {} : { terms }),
    credits: '-1200',
    description: '1,200 credits expired at the end of the term',
  });
const rollover = entry({
  kind: 'rollover',
  planId: 'scale',
  fromPlanId: 'growth',
  credits: '0',
  availableAfter: '1',
  description: '1 credit rolled over from Growth to Scale',
});
const planChange = (to: string, credits: string) =>
  entry({
    kind: 'plan-change',
    planId: to,
    fromPlanId: 'growth',
    credits,
    description: `Plan changed from Growth to ${to}`,
  });

describe('new terms, expiries, plan changes and rollovers, from their fields', () => {
  test('a new term, and several written at once for an account at rest', () => {
    expect(activityLine(newTerm, catalog, german)).toEqual({
      text: 'Neue Laufzeit im Plan Growth',
    });
    expect(activityLine(newTerm, catalog, french).text).toBe('Nouvelle période, forfait Growth');
    expect(activityLine(dormantTerms, catalog, german).text).toBe(
      'Growth für 3 Laufzeiten ohne Aktivität verlängert',
    );
    expect(activityLine(dormantTerms, catalog, french).text).toBe(
      'Forfait Growth renouvelé pour 3 périodes sans activité',
    );
  });

  test('credits that expired unused, at a term’s end or over terms at rest', () => {
    expect(activityLine(expired(), catalog, german).text).toBe(
      'Ungenutzte Credits zum Laufzeitende verfallen',
    );
    expect(activityLine(expired(4), catalog, french).text).toBe(
      'Crédits inutilisés expirés, 4 périodes sans activité',
    );
  });

  test('a rollover says what was left to use, in the locale’s agreement', () => {
    expect(activityLine(rollover, catalog, german).text).toBe(
      'Guthaben von Growth auf Scale übertragen: 1 verfügbar',
    );
    expect(activityLine(rollover, catalog, french).text).toBe(
      'Solde reporté de Growth vers Scale : 1 disponible',
    );
  });

  test('a plan change to a paid plan, and to Free, where the credits last the term', () => {
    expect(activityLine(planChange('scale', '10000'), catalog, german).text).toBe(
      'Plan von Growth auf Scale gewechselt',
    );
    expect(activityLine(planChange('free', '0'), catalog, german).text).toBe(
      'Plan von Growth auf Free gewechselt, die Credits bleiben bis zum Laufzeitende nutzbar',
    );
    expect(activityLine(planChange('free', '0'), catalog, french).text).toBe(
      'Passage du forfait Growth au forfait Free, les crédits restent utilisables jusqu’à la fin de la période',
    );
  });

  test('in English the record says it, with its credits, prices and dates', () => {
    for (const said of [newTerm, dormantTerms, expired(), rollover, planChange('scale', '1')]) {
      expect(activityLine(said, catalog, english)).toEqual({ text: said.description });
    }
  });
});

describe('the rest: the server’s record', () => {
  test('in English it is simply the record', () => {
    expect(activityLine(renewal, catalog, english)).toEqual({ text: renewal.description });
  });

  test('in another language, an entry written before it named its plan is marked as English', () => {
    expect(activityLine(renewal, catalog, german)).toEqual({
      text: renewal.description,
      lang: 'en',
    });
    expect(activityLine(renewal, catalog, french).lang).toBe('en');
    const { planId: _, ...olderExpiry } = expired();
    expect(activityLine(olderExpiry, catalog, german).lang).toBe('en');
  });

  test('so is one naming a plan the catalogue does not have, or before the catalogue is in', () => {
    const retired = entry({ ...rollover, fromPlanId: 'studio-2019' });
    expect(activityLine(retired, catalog, german)).toEqual({
      text: retired.description,
      lang: 'en',
    });
    expect(activityLine(newTerm, null, french)).toEqual({ text: newTerm.description, lang: 'en' });
  });
});

describe('who made it, once the list shows someone else’s entries too', () => {
  const byAda = entry({ id: 'e1', memberId: 'mem_ada', credits: '-1.3', description: 'a' });
  const byMilo = entry({ id: 'e2', memberId: 'mem_milo', credits: '-2.8', description: 'b' });
  const byZoe = entry({ id: 'e3', memberId: 'mem_zoe', credits: '-4.1', description: 'c' });
  const shared = [byAda, byMilo, byZoe, renewal];

  test('one person’s list names no one, and needs no team', () => {
    expect(activityByLine([byAda, renewal], snapshotOf(), english)).toEqual([null, null]);
    expect(needsTeamNames([byAda, renewal], snapshotOf())).toBe(false);
  });

  test('a member: you, the admin by name, a member it cannot name; the clock is no one', () => {
    const milo = snapshotOf({ role: 'member' });
    expect(activityByLine(shared, milo, english)).toEqual([
      'by Ada',
      'by you',
      'by a teammate',
      null,
    ]);
    expect(activityByLine(shared, milo, german)[2]).toBe('von einem Teammitglied');
  });

  test('an admin names every member once the team is read, and guesses no one before', () => {
    const ada = snapshotOf();
    expect(needsTeamNames(shared, ada)).toBe(true);
    expect(needsTeamNames([byAda, renewal, byMilo], snapshotOf({ role: 'member' }))).toBe(false);
    const team = new Map([
      ['mem_milo', 'Milo'],
      ['mem_zoe', 'Zoe'],
    ]);
    expect(activityByLine(shared, ada, french, team)).toEqual([
      'par vous',
      'par Milo',
      'par Zoe',
      null,
    ]);
    expect(activityByLine(shared, ada, english, null)).toEqual(['by you', null, null, null]);
  });
});
