// Parallel debits against one account never overdraw it: each runs in its own write transaction.
import { describe, expect, test } from 'vitest';
import { accountWith100 } from './accounts.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

describe('200 parallel requests for 1.3 credits against 100 available', () => {
  test('usage: exactly 76 succeed, 1.2 stays available', async () => {
    const { api } = await accountWith100(server());
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        api.post('/v1/usage', { operation: 'smart-crop', quantity: 1, overage: 'deny' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(76);
    expect(statuses.filter((s) => s === 402)).toHaveLength(124);
    const me = await api.get('/v1/me');
    expect(me.body.credits.available).toBe('1.2');
    // Every successful answer saw a balance that never went below zero.
    for (const a of answers.filter((x) => x.status === 201)) {
      expect(a.body.entry.availableAfter).not.toMatch(/^-/);
    }
  }, 90_000);

  test('holds: exactly 76 reserve, 98.8 held and 1.2 available', async () => {
    const { api } = await accountWith100(server());
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        api.post('/v1/holds', { operation: 'smart-crop', quantity: 1, overage: 'deny' }),
      ),
    );
    const held = answers.filter((a) => a.status === 201);
    expect(held).toHaveLength(76);
    expect(answers.filter((a) => a.status === 402)).toHaveLength(124);
    const me = await api.get('/v1/me');
    expect(me.body.credits).toMatchObject({ available: '1.2', held: '98.8' });

    // Capture and release them all in parallel: each hold resolves exactly once.
    const resolved = await Promise.all(
      held.flatMap((a, i) => [
        api.post(`/v1/holds/${a.body.hold.id}/${i % 2 ? 'capture' : 'release'}`, {}),
        api.post(`/v1/holds/${a.body.hold.id}/${i % 2 ? 'release' : 'capture'}`, {}),
      ]),
    );
    const ok = resolved.filter((r) => r.status === 200).length;
    expect(ok).toBe(76);
    expect(resolved.filter((r) => r.status === 409).length).toBe(76);
    const after = await api.get('/v1/me');
    expect(after.body.credits.held).toBe('0');
  }, 90_000);
});
