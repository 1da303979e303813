// GET /v1/events: a change made by one member reaches the other members' streams of the same
// account, and never a stream of another account.
import { expect, test } from 'vitest';
import { soleAdmin, twoAccounts } from './accounts.ts';
import { openStream } from './event-stream.ts';
import { serverPerFile } from './server-per-file.ts';

const server = serverPerFile();

test('usage by one member reaches another member of the same account, not another account', async () => {
  const accounts = await twoAccounts(server());
  const milo = await openStream(server(), accounts.milo.token);
  const bo = await openStream(server(), accounts.bo.token);
  const first = (await milo.next(() => true)) as { version: number };
  await bo.next(() => true);

  const used = await accounts.ada.api.post('/v1/usage', {
    operation: 'lifestyle-crop',
    quantity: 10,
  });
  expect(used.status).toBe(201);
  const pushed = (await milo.next((s) => s.version > first.version)) as {
    version: number;
    member: { name: string };
    credits: { available: string };
  };
  expect(pushed.version).toBe(used.body.snapshot.version);
  expect(pushed.member.name).toBe('Milo');
  expect(pushed.credits.available).toBe('4529');
  const last = milo.events.at(-1)!;
  expect([last.event, last.id]).toEqual(['snapshot', String(pushed.version)]);

  await new Promise((r) => setTimeout(r, 200));
  expect(bo.events).toHaveLength(1);
  milo.close();
  bo.close();
});

test('Last-Event-ID: the current snapshot is sent only when it is newer', async () => {
  const { token, api } = await soleAdmin(server());
  const version = (await api.get('/v1/me')).body.version as number;
  const upToDate = await openStream(server(), token, String(version));
  const behind = await openStream(server(), token, String(version - 1));
  await behind.next((s) => s.version === version);
  await new Promise((r) => setTimeout(r, 200));
  expect(upToDate.events).toHaveLength(0);
  upToDate.close();
  behind.close();
});
