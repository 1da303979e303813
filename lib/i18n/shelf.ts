import {
  type Catalogue,
  createMessages,
  flatten,
  type Messages,
  type Template,
} from './messages.ts';

/** Messages whose catalogue arrives in parts: each part is read from the moment it is added. */
export interface MessageShelf {
  readonly messages: Messages;
  /** A part of the language's own catalogue and the same part of English, its fallback. */
  add(own: Catalogue | undefined, english: Catalogue): void;
}

export function messageShelf(locale: string): MessageShelf {
  const own = new Map<string, Template>();
  const english = new Map<string, Template>();
  return {
    messages: createMessages(locale, (name) => own.get(name) ?? english.get(name)),
    add(part, fallback) {
      for (const [name, text] of flatten(fallback)) english.set(name, text);
      if (part) for (const [name, text] of flatten(part)) own.set(name, text);
    },
  };
}
