import { en } from '../../lib/i18n/catalogues/en.ts';
import type { Catalogue, Messages } from '../../lib/i18n/messages.ts';
import { messageShelf } from '../../lib/i18n/shelf.ts';

/** The messages of `catalogue` in `locale`, English where it has none (as the embed reads them). */
export function messagesIn(locale: string, catalogue: Catalogue): Messages {
  const shelf = messageShelf(locale);
  shelf.add(catalogue, en);
  return shelf.messages;
}

/** The UI in American English, as the tests render it (the extension and the embed choose theirs). */
export const english: Messages = messagesIn('en-US', en);
