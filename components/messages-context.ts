import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Messages } from '../lib/i18n/messages.ts';

/**
 * The words and formats of the user's locale, for every component under a UI root: the root
 * provides the messages its credit model was made with, so both speak the same language. No
 * default: a default would put a catalogue into every bundle, the content script's included,
 * which reads the browser's own.
 */
export const MessagesContext = createContext<Messages | null>(null);

export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('Render Tally components inside a MessagesContext.Provider.');
  return messages;
}
