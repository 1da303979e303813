import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../deps.ts';
import type { Subscriber } from '../events.ts';
import { memberAuth } from '../guards.ts';

/**
 * `GET /v1/events`: the caller's account Snapshot after every change, as server-sent events
 * (`event: snapshot`, `id: <version>`). On connect the current Snapshot is sent unless the
 * client's Last-Event-ID says it already has that version.
 */
export function eventRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/v1/events', memberAuth(deps), (c) => {
    const member = c.get('member');
    const lastEventId = Number(c.req.header('last-event-id') ?? Number.NaN);
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let finish = () => {};
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const write = (promise: Promise<unknown>) => promise.catch(() => finish());
      // Versions only go up on a stream: the first snapshot and a concurrent push may race.
      let sent = Number.isInteger(lastEventId) ? lastEventId : -1;
      const subscriber: Subscriber = {
        accountId: member.accountId,
        memberId: member.id,
        send: (version, data) => {
          if (version <= sent) return;
          sent = version;
          write(stream.writeSSE({ event: 'snapshot', id: String(version), data }));
        },
        heartbeat: () => write(stream.write(': heartbeat\n\n')),
        close: () => finish(),
      };
      const unsubscribe = deps.events.subscribe(subscriber);
      stream.onAbort(() => finish());
      const state = await deps.ledger.settled(member.accountId);
      if (state.version > sent) {
        subscriber.send(state.version, JSON.stringify(deps.ledger.snapshot(state, member.id)));
      }
      await finished;
      unsubscribe();
    });
  });
}
