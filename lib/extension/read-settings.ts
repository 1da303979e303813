import { browser } from 'wxt/browser';
import { DEFAULT_EDITOR_MATCHES } from './editor-matches.ts';
import type { Settings } from './settings-item.ts';

/**
 * The content script's read of the settings: plain `storage.local`, not WXT's storage
 * wrapper, which would cost the in-page bundle kilobytes for one read. Same key as
 * `defineSettingsItem` ("local:settings").
 */
export async function readSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  const editorMatches = (settings as Partial<Settings> | undefined)?.editorMatches;
  return { editorMatches: Array.isArray(editorMatches) ? editorMatches : [...DEFAULT_EDITOR_MATCHES] };
}
