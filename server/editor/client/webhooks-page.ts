// The webhook receiver page: shows what the demo backend's inbox received (webhook-routes.ts)
// and registers the inbox on a click. It reads the inbox while the page is visible.
import type { Arrival } from '../webhook-inbox.ts';

interface InboxView {
  endpointId: string | null;
  arrivals: Arrival[];
}

const REFRESH_MS = 1500;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state = byId('receiver-state');
const connect = byId<HTMLButtonElement>('connect');
const list = byId<HTMLOListElement>('arrivals');
const noneYet = byId('none-yet');
const shown = new Set<string>();

async function inbox(init?: RequestInit): Promise<InboxView> {
  const response = await fetch(init ? '/editor/api/webhooks/connect' : '/editor/api/webhooks', {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`The demo backend answered ${response.status}`);
  return (await response.json()) as InboxView;
}

function show(view: InboxView): void {
  connect.hidden = view.endpointId !== null;
  state.textContent = view.endpointId
    ? `Receiving: Tally sends every event to this page (endpoint ${view.endpointId}).`
    : 'Not receiving yet: no endpoint of this page is registered since the server started.';
  noneYet.hidden = view.arrivals.length > 0;
  // Oldest first, each prepended: the newest ends on top.
  for (const arrival of [...view.arrivals].reverse()) {
    const key = `${arrival.webhookId} ${arrival.receivedAt}`;
    if (shown.has(key)) continue;
    shown.add(key);
    list.prepend(arrivalItem(arrival));
  }
}

function arrivalItem(arrival: Arrival): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'arrival';
  const head = document.createElement('div');
  head.className = 'arrival-head';
  const type = document.createElement('span');
  type.className = 'arrival-type';
  type.textContent = arrival.type;
  const verdict = document.createElement('span');
  verdict.className = arrival.verified ? 'arrival-ok' : 'arrival-bad';
  verdict.textContent = arrival.verified
    ? '✓ Signature verified'
    : `✗ Signature not verified: ${arrival.problem ?? 'unknown'}`;
  const when = document.createElement('time');
  when.className = 'meta';
  when.dateTime = arrival.receivedAt;
  when.textContent = new Date(arrival.receivedAt).toLocaleTimeString();
  head.append(type, verdict, when);
  const data = document.createElement('pre');
  data.textContent = `webhook-id ${arrival.webhookId}\n${JSON.stringify(arrival.data, null, 2)}`;
  item.append(head, data);
  return item;
}

function failed(error: unknown): void {
  state.textContent = error instanceof Error ? error.message : String(error);
}

connect.addEventListener('click', () => {
  connect.disabled = true;
  inbox({ method: 'POST', body: '{}' })
    .then(show, failed)
    .finally(() => {
      connect.disabled = false;
    });
});

let timer: ReturnType<typeof setTimeout> | undefined;
function refresh(): void {
  clearTimeout(timer);
  inbox()
    .then(show, failed)
    .finally(() => {
      if (document.visibilityState === 'visible') timer = setTimeout(refresh, REFRESH_MS);
    });
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') refresh();
});
refresh();
