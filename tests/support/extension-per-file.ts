import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browser.ts';
import { type StartOptions, startServer, type TestServer } from './server.ts';

export interface ExtensionSession {
  server: TestServer;
  browser: ExtensionBrowser;
  /** The extension's popup, open in a tab of its own. */
  popup: Page;
}

/**
 * The real server and a Chromium with the built extension for one test file: started together
 * before its tests, closed after them. Read the fields inside hooks and tests (they are set in
 * beforeAll).
 */
export function extensionPerFile(options: StartOptions = {}): ExtensionSession {
  const session: Partial<ExtensionSession> = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startServer(options), launchWithExtension()]);
    Object.assign(session, { server, browser, popup: await browser.openPopup() });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session as ExtensionSession;
}
