import type { Hono } from 'hono';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { eventStream } from '../event-stream.ts';
import type { Subscriber } from '../events.ts';
import { snapshotFrame } from '../snapshot-frame.ts';

/**
 * `GET /v1/events`: the caller's account Snapshot after every change, as server-sent events
 * (`event: snapshot`, `id: <version>`). On connect the current Snapshot is sent unless the
 * client's Last-Event-ID says it already has that version.
 */
export function eventRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  apiRoute(app, deps, 'streamEvents', (c) => {
    const member = c.get('member');
    const tokenHash = c.get('tokenHash');
    const lastEventId = Number(c.req.header('last-event-id') ?? Number.NaN);
    return eventStream(c, async (sink, closed) => {
      // Versions only go up on a stream: the first snapshot and a concurrent push may race.
      let sent = Number.isInteger(lastEventId) ? lastEventId : -1;
      const subscriber: Subscriber = {
        accountId: member.accountId,
        memberId: member.id,
        tokenHash,
        send: (version, frame) => {
          if (version <= sent) return;
          sent = version;
          sink.write(frame);
        },
        event: (frame) => sink.write(frame),
        heartbeat: () => sink.write(': heartbeat\n\n'),
        close: () => sink.end(),
      };
      const unsubscribe = deps.events.subscribe(subscriber);
      try {
        const state = await deps.ledger.settled(member.accountId);
        if (state.version > sent) {
          subscriber.send(
            state.version,
            snapshotFrame(state.version, deps.ledger.snapshot(state, member.id)),
          );
        }
        await closed;
      } finally {
        unsubscribe();
      }
    });
  });
}
