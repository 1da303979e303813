import type { Hono } from 'hono';
import { apiRoute } from '../api-route.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { eventStream } from '../event-stream.ts';
import type { Subscriber } from '../events.ts';
import { alertFrames, snapshotFrame } from '../snapshot-frame.ts';

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
          if (version <= sent) return null;
          const since = sent;
          sent = version;
          sink.write(frame);
          return since;
        },
        event: (frame) => sink.write(frame),
        heartbeat: () => sink.write(': heartbeat\n\n'),
        close: () => sink.end(),
      };
      const unsubscribe = deps.events.subscribe(subscriber);
      try {
        const state = await deps.ledger.settled(member.accountId);
        const frame = snapshotFrame(state.version, await deps.ledger.snapshot(state, member.id));
        const since = subscriber.send(state.version, frame);
        // A stream resumed with Last-Event-ID hears the alerts it missed meanwhile.
        if (since !== null) for (const alert of alertFrames(state, since)) subscriber.event(alert);
        await closed;
      } finally {
        unsubscribe();
      }
    });
  });
}
