// The page's calls to its own backend (server/editor/api-routes.ts). No token in here: the
// backend holds the demo members' tokens and acts for the one picked.
import type { Entry } from '../../../lib/api/schemas/entry.ts';
import type { Operation } from '../../../lib/api/schemas/plan.ts';
import type { OverageChoice } from '../../../lib/api/schemas/requests.ts';
import type { UsageResult } from '../../../lib/api/schemas/responses.ts';
import type { Snapshot } from '../../../lib/api/schemas/snapshot.ts';
import type { DemoMemberKey } from '../demo-member.ts';

export interface AccountView {
  snapshot: Snapshot;
  operations: Operation[];
  recent: Entry[];
  /** The demo members, to name who ran each recent entry. */
  members: { id: string; name: string }[];
}

export interface BackendError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: BackendError };

export function loadAccount(as: DemoMemberKey): Promise<Answer<AccountView>> {
  return call(`/editor/api/account?as=${as}`);
}

export interface OperationRun {
  operation: string;
  quantity: number;
  overage: OverageChoice;
  as: DemoMemberKey;
}

export function recordOperation(run: OperationRun, idempotencyKey: string) {
  return call<UsageResult>('/editor/api/operations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(run),
  });
}

/** Embedded mode only: the widget's getToken() (see the demo-only note on the route). */
export async function sessionToken(as: DemoMemberKey): Promise<string> {
  const answer = await call<{ token: string }>(`/editor/api/session?as=${as}`);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.token;
}

async function call<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return {
      ok: false,
      error: { status: 0, code: 'offline', message: 'The editor’s server cannot be reached.' },
    };
  }
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: Omit<BackendError, 'status'> }
    | null;
  if (response.ok && body) return { ok: true, value: body as T };
  const error = body?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? 'internal',
      message: error?.message ?? `The editor’s server answered ${response.status}.`,
      ...(error?.details ? { details: error.details } : {}),
    },
  };
}
