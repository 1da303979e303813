import { storage } from 'wxt/utils/storage';
import { DEFAULT_EDITOR_MATCHES } from './editor-matches.ts';

/** What the user sets in the popup besides the connection. Not secret. */
export interface Settings {
  /** Editor pages the in-page widget may run on (within the manifest's matches). */
  editorMatches: string[];
}

export function defineSettingsItem() {
  return storage.defineItem<Settings>('local:settings', {
    fallback: { editorMatches: [...DEFAULT_EDITOR_MATCHES] },
  });
}

export type SettingsItem = ReturnType<typeof defineSettingsItem>;
