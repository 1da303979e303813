import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { editorTab, workerWith } from './worker-fixture.ts';

beforeEach(() => fakeBrowser.reset());

/** The consent page as Chrome describes its sender: an extension page framed into a tab. */
const consentIn = (tabId: number) => ({
  id: 'tallyid',
  url: 'chrome-extension://tallyid/consent.html',
  tab: { id: tabId },
});

async function minted() {
  const { worker } = workerWith();
  const opened = await worker.handleMessage(
    { type: 'open-consent', operation: 'lifestyle-crop', quantity: 1 },
    editorTab,
  );
  if (!opened.ok) throw new Error(opened.error.message);
  return { worker, requestId: opened.value as string };
}

test('the consent page in the same tab reads the request and its answer reaches the content script', async () => {
  const { worker, requestId } = await minted();
  const outcome = worker.handleMessage({ type: 'consent-outcome', requestId }, editorTab);
  expect(
    await worker.handleMessage({ type: 'claim-consent', requestId }, consentIn(3)),
  ).toMatchObject({ ok: true, value: { operation: 'lifestyle-crop', quantity: 1 } });
  const answer = {
    type: 'answer-consent',
    requestId,
    decision: 'proceed',
    overage: true,
    receipt: 'Studio North paid $0.41 overage: 4.1 credits for Lifestyle Crop',
  };
  expect(await worker.handleMessage(answer, consentIn(3))).toMatchObject({ ok: true });
  expect(await outcome).toEqual({
    ok: true,
    value: { decision: 'proceed', overage: true, receipt: answer.receipt },
  });
});

test('a worker restarted while the consent page is open still takes its answer to the content script', async () => {
  const { requestId } = await minted();
  // MV3 stopped the worker: its memory is gone, its session storage is not.
  const { worker: restarted } = workerWith();
  expect(
    await restarted.handleMessage({ type: 'claim-consent', requestId }, consentIn(3)),
  ).toMatchObject({ ok: true, value: { operation: 'lifestyle-crop', quantity: 1 } });
  const answer = { type: 'answer-consent', requestId, decision: 'cancel', overage: false };
  expect(await restarted.handleMessage(answer, consentIn(3))).toMatchObject({ ok: true });
  // The content script's link sends its outcome request again on the new port.
  expect(await restarted.handleMessage({ type: 'consent-outcome', requestId }, editorTab)).toEqual({
    ok: true,
    value: { decision: 'cancel', overage: false },
  });
});

test('a consent page in another tab, or a second frame with the same id, gets nothing', async () => {
  const { worker, requestId } = await minted();
  expect(
    await worker.handleMessage({ type: 'claim-consent', requestId }, consentIn(4)),
  ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await worker.handleMessage({ type: 'claim-consent', requestId }, consentIn(3));
  expect(
    await worker.handleMessage({ type: 'claim-consent', requestId }, consentIn(3)),
  ).toMatchObject({ ok: false, error: { message: expect.stringContaining('no longer open') } });
});

test('a content script can neither read the request nor answer it', async () => {
  const { worker, requestId } = await minted();
  for (const message of [
    { type: 'claim-consent', requestId },
    { type: 'answer-consent', requestId, decision: 'proceed', overage: true },
  ]) {
    expect(await worker.handleMessage(message, editorTab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  }
});

test('an answer from a frame that never claimed the request is refused', async () => {
  const { worker, requestId } = await minted();
  const answer = { type: 'answer-consent', requestId, decision: 'proceed', overage: true };
  expect(await worker.handleMessage(answer, consentIn(3))).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
});
