// GET /v1/events: a change made by one member reaches the other members' streams of the same
// account, and never a stream of another account.
import { expect, test } from 'vitest';
import { soleAdmin, twoAccounts } from './accounts.ts';
import { openStream, type PushedSnapshot, type Stream } from './event-stream.ts';
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
  const pushed = (await milo.next((s) => s.version > first.version)) as PushedSnapshot;
  expect(pushed.version).toBe(used.body.snapshot.version);
  expect(pushed.member.name).toBe('Milo');
  expect(pushed.credits.available).toBe('4529');
  const last = milo.events.at(-1)!;
  expect([last.event, last.id]).toEqual(['snapshot', String(pushed.version)]);

  // Bo's own usage comes after Milo's change was fanned out: if that change had reached Bo's
  // stream, it would stand before this one.
  const own = await accounts.bo.api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  expect(own.status).toBe(201);
  await bo.next((s) => s.version === own.body.snapshot.version);
  expect(bo.events).toHaveLength(2);
  milo.close();
  bo.close();
});

test('Last-Event-ID: the current snapshot is sent only when it is newer', async () => {
  const { token, api } = await soleAdmin(server());
  const version = (await api.get('/v1/me')).body.version as number;
  const upToDate = await openStream(server(), token, String(version));
  const behind = await openStream(server(), token, String(version - 1));
  await behind.next((s) => s.version === version);
  // The next change reaches both; the stream that was up to date got nothing before it.
  const used = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  await upToDate.next((s) => s.version === used.body.snapshot.version);
  expect(upToDate.events.map((event) => event.id)).toEqual([String(used.body.snapshot.version)]);
  upToDate.close();
  behind.close();
});

test('a token has at most 10 streams: an 11th closes the oldest, and the rest keep receiving', async () => {
  const { token, api } = await soleAdmin(server());
  const streams: Stream[] = [];
  for (let i = 0; i < 11; i += 1) {
    const stream = await openStream(server(), token);
    await stream.next(() => true);
    streams.push(stream);
  }
  await streams[0]!.ended;
  const used = await api.post('/v1/usage', { operation: 'smart-crop', quantity: 1 });
  const version = used.body.snapshot.version as number;
  await Promise.all(streams.slice(1).map((stream) => stream.next((s) => s.version === version)));
  for (const stream of streams) stream.close();
});
