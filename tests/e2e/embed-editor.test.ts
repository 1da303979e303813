// The demo editor in "Embedded" mode, in a real Chromium against the real server: the widget
// shows the balance and cost previews, follows usage recorded in another tab, and its dialog
// completes both "Pay overage" and "Upgrade".
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../lib/api/index.ts';
import {
  formatCreditAmount,
  formatCredits,
  formatUsd,
  maxOperations,
  quote,
} from '../../lib/billing/index.ts';
import { available, widget } from '../embed/shadow.ts';
import { seriousViolations } from '../support/axe.ts';
import { chromiumPerFile, PATIENT } from '../support/chromium-per-file.ts';
import { spendDown } from '../support/spend-down.ts';

const session = chromiumPerFile();
let editor: Page;

beforeAll(async () => {
  editor = await openEditor();
});

async function openEditor(): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${session.server.url}/editor?mode=embed`);
  return page;
}

const ada = () =>
  createApiClient({ baseUrl: session.server.url, token: session.server.demo.ada.token });

/** The `data-tally-operation` of the focused element, if any. */
function focusedOperation(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-tally-operation') ?? null);
}

function operationButton(page: Page, operation: string) {
  return page.locator(`button[data-tally-operation="${operation}"]`);
}

describe('the embedded demo editor', () => {
  test('shows the balance, remaining operations, the plan and a cost preview on hover', async () => {
    await expect.poll(() => available(editor).textContent(), PATIENT).toBe('4,570');
    const panel = widget(editor);
    // 4,570 / 1.3 = 3,515.38: floor, 3,515 Smart Crops (docs/billing.md).
    await expect.poll(() => panel.locator('.t-list').textContent(), PATIENT).toContain('3,515');
    await expect.poll(() => panel.locator('.t-plan__name').textContent(), PATIENT).toBe('Growth');
    expect(await panel.locator('[data-testid="credit-value"]').textContent()).toBe('$0.0547');

    await operationButton(editor, 'lifestyle-crop').hover();
    const preview = panel.locator('.t-tooltip');
    await expect.poll(() => preview.textContent(), PATIENT).toContain('4.1 credits');
    // Plan value 4.1 × $0.0547 = $0.2243; 4,570 − 4.1 = 4,565.9 left.
    expect(await preview.textContent()).toContain('$0.2243');
    expect(await preview.textContent()).toContain('4,565.9');
  });

  test('an invalid quantity says why nothing will run instead of showing the preview of 1', async () => {
    const preview = widget(editor).getByRole('tooltip');
    for (const typed of ['0', '-3', '2.5', '1e9']) {
      await editor.locator('#quantity').fill(typed);
      await operationButton(editor, 'smart-crop').hover();
      await expect
        .poll(() => preview.textContent(), PATIENT)
        .toBe(
          `Smart Crop · quantity "${typed}" is not a whole number from 1 to 10,000: nothing will run`,
        );
      await editor.mouse.move(1, 1);
    }
    await editor.locator('#quantity').fill('1');
  });

  test('follows usage recorded in another tab, live', async () => {
    const other = await openEditor();
    await expect.poll(() => available(other).textContent(), PATIENT).toBe('4,570');
    await operationButton(other, 'smart-crop').click();
    await expect.poll(() => other.locator('#op-status').textContent(), PATIENT).toContain('done');
    // This tab got no tally:usage-recorded (another document): the events stream brought it.
    await expect.poll(() => available(editor).textContent(), PATIENT).toBe('4,568.7');
    await other.close();
  });

  test('"Pay overage" consents for one operation and the page records it', async () => {
    // Spend down to less than one Smart Crop, through the API as the page's backend would.
    const before = await ada().me();
    const fits = maxOperations(before.plan, before.credits.available, 'smart-crop');
    const after = (await ada().recordUsage({ operation: 'smart-crop', quantity: fits })).snapshot;
    await expect
      .poll(() => available(editor).textContent(), PATIENT)
      .toBe(formatCreditAmount(after.credits.available));
    const expected = quote({
      plan: after.plan,
      available: after.credits.available,
      overage: after.overage,
      operation: 'lifestyle-crop',
      quantity: 1,
    });
    expect(expected.outcome).toBe('overage');

    await operationButton(editor, 'lifestyle-crop').click();
    const dialog = widget(editor).getByRole('dialog');
    await expect.poll(() => dialog.textContent(), PATIENT).toContain('Not enough credits');
    const pay = dialog.getByRole('button', { name: /overage and continue/ });
    expect(await pay.textContent()).toContain(formatUsd(expected.overageUsd));
    await pay.click();
    await expect.poll(() => editor.locator('#op-status').textContent(), PATIENT).toContain('done');
    expect(await dialog.count()).toBe(0);
    // The charge stays in view until dismissed.
    await expect
      .poll(() => widget(editor).getByTestId('receipt').textContent(), PATIENT)
      .toBe(
        `Studio North paid ${formatUsd(expected.overageUsd)} overage: ${formatCredits(expected.overageCredits)} for Lifestyle Crop`,
      );
    // Focus is back on the button that started it, which the page disabled meanwhile.
    await expect.poll(() => focusedOperation(editor), PATIENT).toBe('lifestyle-crop');
    await expect.poll(() => available(editor).textContent(), PATIENT).toBe('0');
    const [usage] = (await ada().ledger({ limit: 1 })).entries;
    expect(usage).toMatchObject({
      kind: 'usage',
      operation: 'lifestyle-crop',
      overageCredits: expected.overageCredits,
    });
  });

  test('Escape cancels the dialog, and focus returns to the button that opened it by keyboard', async () => {
    await operationButton(editor, 'lifestyle-crop').focus();
    await editor.keyboard.press('Enter');
    const dialog = widget(editor).getByRole('dialog');
    await expect.poll(() => dialog.count(), PATIENT).toBe(1);
    // The dialog's backdrop lies over the widget's own panel: a click there reaches the dialog.
    const figure = await available(editor).boundingBox();
    expect(
      await widget(editor).evaluate(
        (host, [x, y]) => host.shadowRoot?.elementFromPoint(x as number, y as number)?.localName,
        [figure!.x + figure!.width / 2, figure!.y + figure!.height / 2],
      ),
    ).toBe('dialog');
    // Focus starts on Cancel, the safe choice, inside the modal dialog.
    await expect
      .poll(() => widget(editor).locator('button:focus').textContent(), PATIENT)
      .toBe('Cancel');
    await editor.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), PATIENT).toBe(0);
    await expect
      .poll(() => editor.locator('#op-status').textContent(), PATIENT)
      .toContain('cancelled in Tally');
    await expect.poll(() => focusedOperation(editor), PATIENT).toBe('lifestyle-crop');
  });

  test('"Upgrade to Scale · $… today" changes the plan in one click, then the operation goes ahead on the new one', async () => {
    await operationButton(editor, 'lifestyle-crop').click();
    const dialog = widget(editor).getByRole('dialog');
    const { chargeUsd } = await ada().previewPlanChange({ planId: 'scale' });
    const upgrade = dialog.getByRole('button', {
      name: `Upgrade to Scale · ${formatUsd(chargeUsd)} today`,
      exact: true,
    });
    await expect.poll(() => upgrade.count(), PATIENT).toBe(1);
    // What the upgrade would leave, at Scale's rate (3.8): what the widget shows once it is done.
    const promise = dialog.getByText('enough for this Lifestyle Crop, 9,996.2 credits left', {
      exact: true,
    });
    await expect.poll(() => promise.count(), PATIENT).toBe(1);
    await upgrade.click();
    await expect.poll(() => editor.locator('#op-status').textContent(), PATIENT).toContain('done');
    const me = await ada().me();
    expect(me.plan.id).toBe('scale');
    // 0 rolled over + 10,000 granted − 3.8 (Lifestyle Crop on Scale) = 9,996.2.
    expect(me.credits.available).toBe('9996.2');
    await expect.poll(() => available(editor).textContent(), PATIENT).toBe('9,996.2');
    await expect
      .poll(() => widget(editor).locator('.t-plan__name').textContent(), PATIENT)
      .toBe('Scale');
    expect(await widget(editor).getByTestId('receipt').textContent()).toContain(
      `Studio North is on Scale: ${formatUsd(chargeUsd)} charged, 10,000 credits, renews`,
    );
    // It stays until the user dismisses it.
    await widget(editor).getByRole('button', { name: 'Dismiss receipt' }).click();
    await expect.poll(() => widget(editor).getByTestId('receipt').count(), PATIENT).toBe(0);
  });

  test('on the top plan with the cap reached: no upgrade to offer, when the credits renew, and the cap', async () => {
    expect((await ada().me()).plan.id).toBe('scale');
    // Down to less than one Lifestyle Crop, then a cap its overage would pass.
    await spendDown(ada(), 'lifestyle-crop');
    await ada().setOveragePolicy({ policy: 'ask', capUsd: '0.10' });
    await expect.poll(() => available(editor).textContent(), PATIENT).toBe('2.2');
    await operationButton(editor, 'lifestyle-crop').click();
    const dialog = widget(editor).getByRole('dialog', {
      name: 'Not enough credits for this Lifestyle Crop',
    });
    await dialog.waitFor(PATIENT);
    const way = dialog.getByText(
      /^There is no upgrade for this\. The credits renew on \w+ \d+\. You can also raise the monthly cap\.$/,
    );
    await expect.poll(() => way.count(), PATIENT).toBe(1);
    expect(await dialog.textContent()).toContain('This month’s overage cap of $0.10 is reached.');
    expect(await dialog.getByRole('button', { name: /overage|Upgrade/ }).count()).toBe(0);
    expect(await seriousViolations(editor)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count(), PATIENT).toBe(0);
  });
});
