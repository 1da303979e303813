// Accounts the server tests open through the operator endpoints, each member with a client.
import { expect } from 'vitest';
import { createAccount, type TestServer } from '../support/server.ts';
import { type Client, client } from './http.ts';

export interface Caller {
  token: string;
  api: Client;
}

/** A new account on `planId` whose only member is Ada, its admin. */
export async function soleAdmin(
  server: TestServer,
  planId = 'growth',
): Promise<Caller & { accountId: string }> {
  const { account, members } = await createAccount(server, {
    planId,
    members: [{ name: 'Ada', role: 'admin' }],
  });
  const token = members[0]!.token;
  return { accountId: account.id, token, api: client(server, token) };
}

/** Two Growth accounts, for what must not cross them: A (Ada admin, Milo member) and B (Bo admin). */
export async function twoAccounts(
  server: TestServer,
): Promise<{ ada: Caller; milo: Caller; bo: Caller }> {
  const a = await createAccount(server, {
    planId: 'growth',
    members: [
      { name: 'Ada', role: 'admin' },
      { name: 'Milo', role: 'member' },
    ],
  });
  const b = await createAccount(server, {
    planId: 'growth',
    members: [{ name: 'Bo', role: 'admin' }],
  });
  const caller = (token: string) => ({ token, api: client(server, token) });
  return {
    ada: caller(a.members[0]!.token),
    milo: caller(a.members[1]!.token),
    bo: caller(b.members[0]!.token),
  };
}

/** A Growth account left with exactly 100 credits: 3,432 × 1.3 + 3 × 2.8 = 4,470 used. */
export async function accountWith100(server: TestServer): Promise<Caller & { accountId: string }> {
  const admin = await soleAdmin(server);
  const { api } = admin;
  expect((await api.post('/v1/usage', { operation: 'smart-crop', quantity: 3432 })).status).toBe(
    201,
  );
  const last = await api.post('/v1/usage', { operation: 'background-removal', quantity: 3 });
  expect(last.body.snapshot.credits.available).toBe('100');
  return admin;
}
