// The demo's two choices, kept in the URL (shareable: /editor?mode=embed&as=milo) and
// remembered in localStorage for the next visit.
import type { DemoMemberKey } from '../demo-member.ts';

export type TallyMode = 'extension' | 'embed';

export interface DemoSettings {
  mode: TallyMode;
  as: DemoMemberKey;
}

const STORAGE_KEY = 'tally-demo-mode';
const MEMBER_KEY = 'tally-demo-as';

export function readSettings(location: Location = window.location): DemoSettings {
  const query = new URLSearchParams(location.search);
  const mode = query.get('mode') ?? remembered(STORAGE_KEY);
  const as = query.get('as') ?? remembered(MEMBER_KEY);
  return {
    // Extension by default: it is what a designer installs; the embed is the vendor's choice.
    mode: mode === 'embed' ? 'embed' : 'extension',
    as: as === 'milo' ? 'milo' : 'ada',
  };
}

/** Switching reloads the page: a widget once mounted and the extension's answers start clean. */
export function switchTo(settings: DemoSettings): void {
  remember(STORAGE_KEY, settings.mode);
  remember(MEMBER_KEY, settings.as);
  const url = new URL(window.location.href);
  url.searchParams.set('mode', settings.mode);
  url.searchParams.set('as', settings.as);
  window.location.assign(url);
}

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the URL still works
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked: the URL carries the choice
  }
}
