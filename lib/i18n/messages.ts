import { type Formats, formatsFor } from '../billing/format.ts';
import type { Credits } from '../billing/types.ts';
import type { en } from './catalogues/en.ts';

/** One sentence, with `{name}` where a value goes. */
export type Template = string;
/** A sentence per plural category of the locale (`other` always; `one` in English, …). */
export type PluralTemplates = Partial<Record<Intl.LDMLPluralRule, Template>> & { other: Template };
export type Message = Template | PluralTemplates;

type English = typeof en;
export type TextKey = {
  [K in keyof English]: English[K] extends string ? K : never;
}[keyof English];
export type PluralKey = Exclude<keyof English, TextKey>;
/** A locale's catalogue: English has every key; another locale may miss some (English shows). */
export type Catalogue = {
  [K in keyof English]?: English[K] extends string ? Template : PluralTemplates;
};

/**
 * Where messages come from, by flat name: a plural's forms are `name__one`, `name__other`, …
 * (the names `_locales/<lang>/messages.json` can hold). Undefined when it has none.
 */
export type MessageSource = (name: string) => string | undefined;

export type Params = Record<string, string | number>;

/** What the UI says, in one locale: sentences from its catalogue, numbers from its Intl formats. */
export interface Messages {
  readonly locale: string;
  readonly formats: Formats;
  t(key: TextKey, params?: Params): string;
  /** The plural form for `amount`; `{count}` is the amount written in the locale. */
  tn(key: PluralKey, amount: number | Credits, params?: Params): string;
}

/** The flat names of a catalogue: `{ a: 'x', b: { one, other } }` → `a`, `b__one`, `b__other`. */
export function flatten(catalogue: Catalogue): Map<string, Template> {
  const flat = new Map<string, Template>();
  for (const [key, message] of Object.entries(catalogue) as [string, Message][]) {
    if (typeof message === 'string') flat.set(key, message);
    else for (const [form, text] of Object.entries(message)) flat.set(`${key}__${form}`, text);
  }
  return flat;
}

/**
 * The template with its parameters in place. A value that ends in an abbreviation's period
 * ("2 déc.", "2. Dez.") ends the sentence with it: "le 2 déc.", never "le 2 déc..".
 */
function fill(template: Template, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, period: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return period && value.endsWith('.') ? value : value + period;
  });
}

export function createMessages(locale: string, source: MessageSource): Messages {
  const formats = formatsFor(locale);
  const read = (name: string) => source(name) ?? name;
  return {
    locale,
    formats,
    t: (key, params) => fill(read(key), params),
    tn: (key, amount, params) => {
      const count =
        typeof amount === 'number' ? formats.count(amount) : formats.creditAmount(amount);
      const form = formats.plural(amount);
      // A locale's catalogue may not spell every category out: `other` is the rest.
      const template = source(`${key}__${form}`) ?? read(`${key}__other`);
      return fill(template, { count, ...params });
    },
  };
}
