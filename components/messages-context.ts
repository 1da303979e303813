import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { english } from '../lib/i18n/english.ts';
import type { Messages } from '../lib/i18n/messages.ts';

/**
 * The words and formats of the user's locale, for every component under a UI root: the root
 * provides the messages its credit model was made with, so both speak the same language.
 */
export const MessagesContext = createContext<Messages>(english);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}
