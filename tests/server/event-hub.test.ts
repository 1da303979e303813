// The hub's fan-out: one render per member and change, the same bytes to each of its streams.
import { describe, expect, test } from 'vitest';
import type { AccountState } from '../../lib/billing/types.ts';
import { EventHub, type Subscriber } from '../../server/events.ts';

function stream(memberId: string, tokenHash = `token-${memberId}`) {
  const frames: Uint8Array[] = [];
  let closed = false;
  const subscriber: Subscriber = {
    accountId: 'acct_1',
    memberId,
    tokenHash,
    send: (_version, frame) => {
      frames.push(frame);
      return -1;
    },
    event: (frame) => frames.push(frame),
    heartbeat: () => {},
    close: () => {
      closed = true;
    },
  };
  return { subscriber, frames, closed: () => closed };
}

const state = { id: 'acct_1', version: 7 } as AccountState;

describe('EventHub', () => {
  test('renders each member’s Snapshot once per change and sends those bytes to all its streams', async () => {
    const renders: string[] = [];
    const hub = new EventHub((_state, memberId) => {
      renders.push(memberId);
      return { member: memberId };
    });
    const ada = [stream('ada'), stream('ada'), stream('ada')];
    const milo = [stream('milo'), stream('milo')];
    for (const s of [...ada, ...milo]) hub.subscribe(s.subscriber);
    hub.publish(state);
    expect(renders).toEqual([]);
    await hub.flush();
    expect(renders.sort()).toEqual(['ada', 'milo']);
    const adaFrame = ada[0]!.frames[0]!;
    for (const s of ada) expect(s.frames).toEqual([adaFrame]);
    expect(new TextDecoder().decode(adaFrame)).toBe(
      'event: snapshot\nid: 7\ndata: {"member":"ada"}\n\n',
    );
    expect(new TextDecoder().decode(milo[1]!.frames[0]!)).toContain('"member":"milo"');
    hub.closeAll();
  });

  test('changes of one account within the window go out once, as the newest Snapshot', async () => {
    const renders: number[] = [];
    const hub = new EventHub((changed) => {
      renders.push(changed.version);
      return {};
    });
    const ada = stream('ada');
    hub.subscribe(ada.subscriber);
    for (const version of [8, 10, 9]) hub.publish({ id: 'acct_1', version } as AccountState);
    await hub.flush();
    expect(renders).toEqual([10]);
    expect(new TextDecoder().decode(ada.frames[0])).toContain('id: 10\n');
    hub.closeAll();
  });

  test('an 11th stream of one token closes that token’s oldest; other tokens keep theirs', () => {
    const hub = new EventHub(() => ({}));
    const same = Array.from({ length: 11 }, () => stream('ada', 'one-token'));
    const other = stream('ada', 'another-token');
    hub.subscribe(other.subscriber);
    const unsubscribes = same.map((s) => hub.subscribe(s.subscriber));
    expect(same.map((s) => s.closed())).toEqual([true, ...Array(10).fill(false)]);
    expect(other.closed()).toBe(false);
    unsubscribes[0]!();
    expect(hub.size).toBe(11);
    hub.closeAll();
  });

  test('a removed member’s streams end; the other members’ stay open', () => {
    const hub = new EventHub(() => ({}));
    const removed = [stream('milo'), stream('milo')];
    const kept = stream('ada');
    for (const s of [...removed, kept]) hub.subscribe(s.subscriber);
    hub.closeMember('acct_1', 'milo');
    expect(removed.map((s) => s.closed())).toEqual([true, true]);
    expect(kept.closed()).toBe(false);
    hub.closeAll();
  });
});
