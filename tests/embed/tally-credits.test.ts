// @vitest-environment happy-dom
// The embed's entry (custom element, Tally.mount, configure) with its real transport against the
// real billing server: what it draws in its shadow root, how it answers the page protocol, and
// where the token comes from (only the host's function).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { configure, mount } from '../../embed/index.ts';
import { preflight } from '../../lib/page/page-side.ts';
import { EMBED_MARKER } from '../../lib/page/widget-side.ts';
import { createAccount, startServer, type TestServer } from '../support/server.ts';
import { until } from '../support/until.ts';

let server: TestServer;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  // happy-dom's fetch applies CORS like a browser: allow this document's origin.
  server = await startServer({ env: { TALLY_CORS_ORIGINS: window.location.origin } });
});
afterAll(async () => {
  await server?.stop();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  configure({ getToken: undefined });
  document.body.replaceChildren();
});

type TallyCredits = HTMLElement & { getToken?: () => string | Promise<string> };

function element(attributes: Record<string, string>, getToken?: () => string): TallyCredits {
  const widget = document.createElement('tally-credits') as TallyCredits;
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  if (getToken) widget.getToken = getToken;
  document.body.append(widget);
  cleanups.push(() => widget.remove());
  return widget;
}

const shadowText = (host: Element) => host.shadowRoot?.textContent ?? '';
const find = (host: Element, selector: string) => host.shadowRoot?.querySelector(selector) ?? null;

async function lowAccount(): Promise<string> {
  // Free plan: 25 credits, no overage. 10 Lifestyle Crops (41 credits) are blocked.
  const { members } = await createAccount(server, {
    planId: 'free',
    members: [{ name: 'Ada', role: 'admin' }],
  });
  return members[0]!.token;
}

describe('<tally-credits>', () => {
  test('shows the balance in its shadow root and takes over the page protocol', async () => {
    const ready: string[] = [];
    document.addEventListener('tally:ready', (event) =>
      ready.push((event as CustomEvent<string>).detail),
    );
    const widget = element({ api: server.url, layout: 'expanded' }, () => server.demo.ada.token);
    await until(() => find(widget, '[data-testid="available"]')?.textContent === '4,570');
    expect(shadowText(widget)).toContain('Studio North');
    expect(shadowText(widget)).toContain('Growth');
    expect(document.documentElement.hasAttribute(EMBED_MARKER)).toBe(true);
    expect(ready.map((detail) => JSON.parse(detail))).toContainEqual({ kind: 'embed' });
    // Its look stays in the shadow root: nothing was added to the host document's head.
    expect(document.head.querySelectorAll('style, link').length).toBe(0);
  });

  test('answers a covered preflight with proceed and the quote, once for two widgets', async () => {
    const chip = element({ api: server.url }, () => server.demo.ada.token);
    const panel = element({ api: server.url, layout: 'expanded' }, () => server.demo.ada.token);
    await until(() => find(chip, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
    await until(() => find(panel, '[data-testid="available"]')?.textContent === '4,570');
    let decisions = 0;
    const count = () => {
      decisions += 1;
    };
    document.addEventListener('tally:decision', count);
    cleanups.push(() => document.removeEventListener('tally:decision', count));
    const answer = await preflight('background-removal', 2, { timeoutMs: 10_000 });
    expect(answer).toMatchObject({ decision: 'proceed', overage: false });
    expect(answer.decision !== 'unavailable' && answer.quote.credits).toBe('5.6');
    // A second preflight's answer comes after any second answer to the first would have.
    expect(await preflight('smart-crop', 1, { timeoutMs: 10_000 })).toMatchObject({
      decision: 'proceed',
    });
    expect(decisions).toBe(2);
  });

  test('a blocked operation opens the dialog; Cancel answers cancel', async () => {
    const token = await lowAccount();
    const widget = element({ api: server.url, layout: 'expanded' }, () => token);
    await until(() => find(widget, '[data-testid="available"]')?.textContent === '25');
    const answer = preflight('lifestyle-crop', 10, { timeoutMs: 10_000 });
    await until(() => find(widget, 'dialog') !== null);
    expect(shadowText(widget)).toContain('Not enough credits');
    // Free plan: no overage to pay, only an upgrade.
    expect(shadowText(widget)).not.toContain('overage and continue');
    const cancel = [...widget.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent === 'Cancel',
    );
    cancel!.click();
    expect(await answer).toMatchObject({ decision: 'cancel', overage: false });
    expect(find(widget, 'dialog')).toBeNull();
  });

  test('ignores a token attribute and waits for the host’s getToken', async () => {
    // The attribute names an account of 25 credits; the host's getToken the demo's 4,570.
    const widget = element({ api: server.url, token: await lowAccount() });
    const labels: string[] = [];
    const observer = new MutationObserver(() => {
      labels.push(find(widget, '[data-testid="chip-label"]')?.textContent ?? '');
    });
    observer.observe(widget.shadowRoot as ShadowRoot, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    cleanups.push(() => observer.disconnect());
    await until(() => find(widget, '[data-testid="chip-label"]')?.textContent === 'Tally…');
    widget.getToken = async () => server.demo.ada.token;
    await until(() => find(widget, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
    expect(labels).not.toContain('25 credits');
  });

  test('compact: the chip opens the balance panel in place, Escape closes it', async () => {
    const widget = element({ api: server.url, layout: 'compact' }, () => server.demo.ada.token);
    await until(() => find(widget, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
    expect(find(widget, '.t-embed-popover')).toBeNull();
    (find(widget, '.t-chip') as HTMLButtonElement).click();
    await until(() => find(widget, '.t-embed-popover [data-testid="available"]') !== null);
    expect(find(widget, '.t-embed-popover')?.textContent).toContain('3,515 Smart Crops');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await until(() => find(widget, '.t-embed-popover') === null);
  });

  test('falls back to Tally.configure({ getToken })', async () => {
    const widget = element({ api: server.url });
    configure({ getToken: () => server.demo.milo.token });
    await until(() => find(widget, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
  });

  test('a refused token shows "Session expired" instead of numbers', async () => {
    const widget = element({ api: server.url, layout: 'expanded' }, () => 'tly_revoked');
    await until(() => find(widget, '[data-notice="session-expired"]') !== null);
    expect(shadowText(widget)).toContain('Session expired');
    expect(find(widget, '[data-testid="available"]')).toBeNull();
  });

  test('removed from the page, it stops answering and the extension may answer again', async () => {
    const widget = element({ api: server.url }, () => server.demo.ada.token);
    await until(() => find(widget, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
    widget.remove();
    await until(() => !document.documentElement.hasAttribute(EMBED_MARKER));
    expect(await preflight('smart-crop', 1, { timeoutMs: 200 })).toEqual({
      decision: 'unavailable',
    });
  });
});

describe('Tally.mount', () => {
  test('mounts into any element and unmounts cleanly', async () => {
    const slot = document.createElement('div');
    document.body.append(slot);
    const widget = mount(slot, {
      api: server.url,
      getToken: () => server.demo.ada.token,
      layout: 'compact',
      theme: 'dark',
    });
    const host = slot.firstElementChild!;
    await until(() => find(host, '[data-testid="chip-label"]')?.textContent === '4,570 credits');
    expect(find(host, '.tally')?.getAttribute('data-theme')).toBe('dark');
    widget.unmount();
    expect(slot.childElementCount).toBe(0);
    expect(document.documentElement.hasAttribute(EMBED_MARKER)).toBe(false);
  });
});
