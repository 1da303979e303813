import type { Hono } from 'hono';
import { IdParamSchema } from '../../lib/api/schemas/requests.ts';
import { CaptureResultSchema, HoldResultSchema } from '../../lib/api/schemas/responses.ts';
import type { Applied } from '../../lib/billing/types.ts';
import { apiRoute } from '../api-route.ts';
import { newId } from '../auth.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, refusalError } from '../errors.ts';
import type { LedgerTx, Member } from '../ledger/ledger.ts';
import { idempotencyKey, refused, respondOnce } from '../respond-once.ts';
import { checked, valid } from '../validate.ts';

export function holdRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'createHold', async (c, input) => {
    const member = c.get('member');
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      const { applied } = await tx.apply(member.accountId, {
        kind: 'reserve',
        memberId: member.id,
        holdId: newId('hold'),
        operation: body.operation,
        quantity: body.quantity,
        overage: body.overage,
        // Absent, lib/billing applies docs/billing.md's default time to live.
        ...(body.ttlSeconds === undefined ? {} : { ttlSeconds: body.ttlSeconds }),
      });
      if (!applied.ok) return refused(refusalError(applied.refusal));
      if (applied.effect.kind !== 'reserve') throw new Error('reserve did not reserve');
      const result = {
        hold: applied.effect.hold,
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 201, body: checked(HoldResultSchema, result) };
    });
  });

  apiRoute(app, deps, 'captureHold', async (c, input) => {
    const member = c.get('member');
    const holdId = holdIdOf(c.req.param('id'));
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      await existingHold(tx, member, holdId);
      const { applied, entries } = await tx.apply(member.accountId, {
        kind: 'capture',
        memberId: member.id,
        holdId,
        ...(body.quantity === undefined ? {} : { quantity: body.quantity }),
      });
      if (!applied.ok) return refusedHold(tx, member, holdId, applied);
      if (applied.effect.kind !== 'capture') throw new Error('capture did not capture');
      const result = {
        hold: applied.effect.hold,
        entry: entries[applied.effect.entryIndex],
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 200, body: checked(CaptureResultSchema, result) };
    });
  });

  apiRoute(app, deps, 'releaseHold', async (c, input) => {
    const member = c.get('member');
    const holdId = holdIdOf(c.req.param('id'));
    const key = idempotencyKey(c);
    const body = await input.body();
    return respondOnce(deps, c, member.accountId, key, body, async (tx) => {
      await existingHold(tx, member, holdId);
      const { applied } = await tx.apply(member.accountId, {
        kind: 'release',
        memberId: member.id,
        holdId,
      });
      if (!applied.ok) return refusedHold(tx, member, holdId, applied);
      if (applied.effect.kind !== 'release') throw new Error('release did not release');
      const result = {
        hold: applied.effect.hold,
        snapshot: await deps.ledger.snapshot(applied.state, member.id, tx),
      };
      return { status: 200, body: checked(HoldResultSchema, result) };
    });
  });
}

function holdIdOf(raw: string | undefined): string {
  // An id no hold could have names no hold of this account: 404, as for any missing one.
  try {
    return valid(IdParamSchema, { id: raw }, 'hold id').id;
  } catch {
    throw new ApiError('not_found', 'No such hold in this account');
  }
}

/** Another account's hold answers exactly as a missing one (docs/api.md). */
async function existingHold(tx: LedgerTx, member: Member, holdId: string): Promise<void> {
  if (!(await tx.findHold(member.accountId, holdId))) {
    throw new ApiError('not_found', 'No such hold in this account');
  }
}

/** A refused capture or release; hold_not_pending carries the hold's state as it is now. */
async function refusedHold(
  tx: LedgerTx,
  member: Member,
  holdId: string,
  applied: Extract<Applied, { ok: false }>,
) {
  const status = (await tx.findHold(member.accountId, holdId))?.status;
  return refused(refusalError(applied.refusal, status));
}
