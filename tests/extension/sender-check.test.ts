import { expect, test } from 'vitest';
import { REQUEST_ACCESS, type RequestType } from '../../lib/extension/messages.ts';
import { mayRequest, senderContext } from '../../lib/extension/sender-check.ts';

const policy = {
  extensionId: 'tallyid',
  extensionOrigin: 'chrome-extension://tallyid/',
  editorMatches: ['http://127.0.0.1/editor*', 'http://localhost/editor*'],
};

test('the popup, also when opened in a tab, is an extension page', () => {
  expect(
    senderContext({ id: 'tallyid', url: 'chrome-extension://tallyid/popup.html' }, policy),
  ).toBe('extension-page');
  expect(
    senderContext(
      { id: 'tallyid', url: 'chrome-extension://tallyid/popup.html', tab: { id: 4 } },
      policy,
    ),
  ).toBe('extension-page');
});

test('a content script on the demo editor counts on any port', () => {
  const at = (url: string) => senderContext({ id: 'tallyid', url, tab: { id: 7 } }, policy);
  expect(at('http://127.0.0.1:8787/editor')).toBe('content-script');
  expect(at('http://127.0.0.1:41234/editor?mode=extension')).toBe('content-script');
  expect(at('http://localhost:9000/editor/')).toBe('content-script');
});

test('a page that is not an allowed editor page gets no answer', () => {
  const at = (url: string) => senderContext({ id: 'tallyid', url, tab: { id: 7 } }, policy);
  expect(at('http://127.0.0.1:8787/v1/me')).toBeNull();
  expect(at('https://evil.example/editor')).toBeNull();
  expect(at('http://127.0.0.1.evil.example/editor')).toBeNull();
});

test('another extension, a missing tab or a missing URL gets no answer', () => {
  expect(
    senderContext({ id: 'otherid', url: 'chrome-extension://otherid/popup.html' }, policy),
  ).toBeNull();
  expect(
    senderContext({ id: 'otherid', url: 'http://127.0.0.1/editor', tab: { id: 1 } }, policy),
  ).toBeNull();
  expect(senderContext({ id: 'tallyid', url: 'http://127.0.0.1/editor' }, policy)).toBeNull();
  expect(senderContext({ id: 'tallyid' }, policy)).toBeNull();
});

test('settings narrow the editor pages: a removed host is refused', () => {
  const narrowed = { ...policy, editorMatches: ['http://localhost/editor*'] };
  const sender = { id: 'tallyid', url: 'http://127.0.0.1:8787/editor', tab: { id: 7 } };
  expect(senderContext(sender, narrowed)).toBeNull();
});

test('privileged actions are for extension pages only; a content script reads and reports', () => {
  const privileged: RequestType[] = [
    'change-plan',
    'set-overage-policy',
    'connect',
    'disconnect',
    'ledger',
    'save-settings',
  ];
  for (const type of privileged) {
    expect(mayRequest(type, 'extension-page')).toBe(true);
    expect(mayRequest(type, 'content-script')).toBe(false);
  }
  for (const type of [
    'get-state',
    'refresh',
    'catalog',
    'preview-plan-change',
    'open-consent',
  ] as const) {
    expect(mayRequest(type, 'content-script')).toBe(true);
  }
  for (const type of Object.keys(REQUEST_ACCESS) as RequestType[])
    expect(mayRequest(type, null)).toBe(false);
});
