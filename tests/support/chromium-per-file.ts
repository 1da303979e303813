import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS } from './browser.ts';
import { type StartOptions, startServer, type TestServer } from './server.ts';

/** A loaded 2-core machine runs the end-to-end tests: wait generously, fail only on what never happens. */
export const PATIENT = { timeout: 15_000 };

export interface ChromiumSession {
  server: TestServer;
  browser: Browser;
}

/**
 * The real server and a plain Chromium (no extension) for one test file: started together
 * before its tests (before the file's own beforeAll, which may open pages), closed after them.
 * Read the fields inside hooks and tests (they are set in beforeAll).
 */
export function chromiumPerFile(options: StartOptions = {}): ChromiumSession {
  const session: Partial<ChromiumSession> = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([
      startServer(options),
      chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    ]);
    if (server.status === 'fulfilled') session.server = server.value;
    if (browser.status === 'fulfilled') session.browser = browser.value;
    // One that started is stopped by afterAll all the same.
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session as ChromiumSession;
}
