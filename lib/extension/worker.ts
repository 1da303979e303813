import { storage } from 'wxt/utils/storage';
import type { ApiClient } from '../api/client.ts';
import { ApiError, NetworkError } from '../api/errors.ts';
import type { Catalog } from '../api/schemas/plan.ts';
import type { Messages } from '../i18n/messages.ts';
import { factsOf, plansAbove, quoteOn } from '../store/local-math.ts';
import { apiBaseUrl } from './api-base-url.ts';
import type { Connection } from './connection-vault.ts';
import { ConsentRequests } from './consent-requests.ts';
import { invalidEditorMatch } from './editor-matches.ts';
import {
  portRequestSchema,
  type Replies,
  type Reply,
  type RequestOf,
  type RequestType,
  requestSchema,
  type SenderContext,
} from './messages.ts';
import { ReplyError, replyError } from './reply-error.ts';
import { mayRequest, type SenderLike, senderContext } from './sender-check.ts';
import type { SettingsItem } from './settings-item.ts';
import type { SyncEngine } from './sync-engine.ts';
import { LIVE_PORT, type PortLike, type UiPorts } from './ui-ports.ts';

/** The plan catalogue rarely changes: cached so the dialog can offer plans without a round trip. */
export function defineCatalogItem() {
  return storage.defineItem<Catalog | null>('local:catalog', { fallback: null });
}

export type CatalogItem = ReturnType<typeof defineCatalogItem>;

export interface WorkerDeps {
  engine: SyncEngine;
  /** The words of the reasons it answers with (the browser's language). */
  messages: Messages;
  hub: UiPorts;
  settingsItem: SettingsItem;
  catalogItem: CatalogItem;
  client(
    connection: Connection,
  ): Pick<
    ApiClient,
    | 'catalog'
    | 'previewPlanChange'
    | 'changePlan'
    | 'setOveragePolicy'
    | 'ledger'
    | 'members'
    | 'usageSummary'
    | 'upgradeRequests'
    | 'requestUpgrade'
    | 'approveUpgradeRequest'
    | 'declineUpgradeRequest'
    | 'updateMember'
    | 'removeMember'
  >;
  identity: { extensionId: string; extensionOrigin: string };
}

/**
 * The background worker's logic, without the browser. Every handler first awaits `ready`, the
 * one initialisation gate: after MV3 stopped the worker, a message or alarm that wakes it
 * must not be answered from half-rebuilt state.
 */
export function createWorker(deps: WorkerDeps) {
  const { engine, hub } = deps;
  const ready = engine.init();
  const consents = new ConsentRequests(deps.messages.t('consentGone'));

  async function contextOf(sender: SenderLike) {
    const { editorMatches } = await deps.settingsItem.getValue();
    return senderContext(sender, { ...deps.identity, editorMatches });
  }

  function connected(): Connection {
    const connection = engine.connection;
    if (!connection)
      throw new ReplyError('unconfigured', 'Tally is not connected: open the popup and connect.');
    return connection;
  }

  async function withConnection<T>(act: (connection: Connection) => Promise<T>): Promise<T> {
    try {
      return await act(connected());
    } catch (error) {
      // A refused token shows as "reconnect" everywhere, not only in this reply.
      if (error instanceof ApiError && error.status === 401) void engine.refresh();
      throw error;
    }
  }

  async function catalog() {
    const cached = await deps.catalogItem.getValue();
    if (cached) return cached;
    const fresh = await withConnection((c) => deps.client(c).catalog());
    await deps.catalogItem.setValue(fresh);
    return fresh;
  }

  function tabOf(tabId: number | undefined): number {
    if (tabId === undefined) throw new ReplyError('forbidden', 'Consent belongs to a tab.');
    return tabId;
  }

  /** One handler per request type, each held to that type's reply (`Replies`). */
  const handlers: {
    [K in RequestType]: (
      request: RequestOf<K>,
      tabId: number | undefined,
    ) => Replies[K] | Promise<Replies[K]>;
  } = {
    'get-state': () => engine.state(),
    refresh: async () => {
      await engine.refresh();
      return engine.state();
    },
    'usage-recorded': () => {
      // Answer at once; the new balance reaches every UI over the live ports.
      void engine.refresh();
      return null;
    },
    catalog: () => catalog(),
    'preview-plan-change': (request) =>
      withConnection((c) => deps.client(c).previewPlanChange({ planId: request.planId })),
    'open-consent': async (request, tabId) => {
      connected();
      return consents.mint(tabOf(tabId), {
        operation: request.operation,
        quantity: request.quantity,
      });
    },
    'consent-outcome': (request, tabId) => consents.outcome(request.requestId, tabOf(tabId)),
    'withdraw-consent': async (request, tabId) => {
      await consents.withdraw(request.requestId, tabOf(tabId));
      return null;
    },
    'claim-consent': (request, tabId) => consents.claim(request.requestId, tabOf(tabId)),
    'answer-consent': async (request, tabId) => {
      await consents.answer(request.requestId, tabOf(tabId), {
        decision: request.decision,
        overage: request.overage,
        ...(request.receipt ? { receipt: request.receipt } : {}),
      });
      return null;
    },
    facts: (request) => factsOf(request.snapshot),
    quote: (request) => quoteOn(request.snapshot, request.operation, request.quantity),
    upgrades: (request) => plansAbove(request.snapshot, request.plans),
    ledger: (request) =>
      withConnection(
        async (c) => (await deps.client(c).ledger({ limit: request.limit ?? 10 })).entries,
      ),
    'change-plan': (request) =>
      withConnection(async (c) => {
        const { snapshot } = await deps.client(c).changePlan({ planId: request.planId });
        await engine.accept(snapshot);
        return snapshot;
      }),
    'set-overage-policy': (request) =>
      withConnection(async (c) => {
        const snapshot = await deps.client(c).setOveragePolicy({
          policy: request.policy,
          capUsd: request.capUsd,
        });
        await engine.accept(snapshot);
        return snapshot;
      }),
    connect: async (request) => {
      const baseUrl = apiBaseUrl(request.baseUrl);
      const snapshot = await engine.connect({ baseUrl, token: request.token }).catch((error) => {
        throw connectError(error, baseUrl, deps.messages);
      });
      await deps.catalogItem.removeValue();
      return {
        member: snapshot.member,
        account: { id: snapshot.account.id, name: snapshot.account.name },
      };
    },
    disconnect: async () => {
      await engine.disconnect();
      await deps.catalogItem.removeValue();
      return null;
    },
    team: () =>
      withConnection(async (c) => {
        const client = deps.client(c);
        const admin = (await engine.state()).snapshot?.member.role === 'admin';
        const [{ members }, { requests }] = await Promise.all([
          client.members(),
          client.upgradeRequests(admin ? 'open' : undefined),
        ]);
        return { members, requests };
      }),
    'usage-summary': () => withConnection((c) => deps.client(c).usageSummary('day,operation')),
    'request-upgrade': (request) =>
      withConnection(async (c) => {
        const body = { planId: request.planId, ...(request.note ? { note: request.note } : {}) };
        const created = await deps.client(c).requestUpgrade(body);
        void engine.refresh();
        return created.request;
      }),
    'approve-upgrade': (request) =>
      withConnection(async (c) => {
        const { snapshot } = await deps.client(c).approveUpgradeRequest(request.upgradeRequestId);
        await engine.accept(snapshot);
        return snapshot;
      }),
    'decline-upgrade': (request) =>
      withConnection(async (c) => {
        const declined = await deps
          .client(c)
          .declineUpgradeRequest(request.upgradeRequestId, request.reason);
        void engine.refresh();
        return declined.request;
      }),
    'set-role': (request) =>
      withConnection(async (c) => {
        await deps.client(c).updateMember(request.memberId, { role: request.role });
        void engine.refresh();
        return null;
      }),
    'remove-member': (request) =>
      withConnection(async (c) => {
        await deps.client(c).removeMember(request.memberId);
        void engine.refresh();
        return null;
      }),
    'get-settings': () => deps.settingsItem.getValue(),
    'save-settings': async (request) => {
      const invalid = invalidEditorMatch(request.editorMatches);
      if (invalid) throw new ReplyError('invalid_request', invalid);
      await deps.settingsItem.setValue({ editorMatches: request.editorMatches });
      return deps.settingsItem.getValue();
    },
  };

  async function dispatch<K extends RequestType>(
    request: RequestOf<K>,
    tabId: number | undefined,
  ): Promise<Replies[K]> {
    const handle = handlers[request.type] as (
      request: RequestOf<K>,
      tabId: number | undefined,
    ) => Replies[K] | Promise<Replies[K]>;
    return handle(request, tabId);
  }

  async function answer(
    message: unknown,
    context: SenderContext | null,
    tabId: number | undefined,
  ): Promise<Reply<unknown>> {
    try {
      if (!context) {
        throw new ReplyError('forbidden', deps.messages.t('notAllowedHere'));
      }
      const parsed = requestSchema.safeParse(message);
      if (!parsed.success)
        throw new ReplyError('invalid_request', 'Tally does not understand this message.');
      if (!mayRequest(parsed.data.type, context)) {
        throw new ReplyError(
          'forbidden',
          `"${parsed.data.type}" is only allowed from Tally's own pages.`,
        );
      }
      return { ok: true, value: await dispatch(parsed.data, tabId) };
    } catch (error) {
      return { ok: false, error: replyError(error) };
    }
  }

  return {
    ready,

    /** `runtime.onMessage`: check the sender, then the message, then answer. */
    async handleMessage(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
      await ready;
      return answer(message, await contextOf(sender), sender.tab?.id);
    },

    /**
     * `runtime.onConnect`: a UI opened. It gets the state now and every change after, and may
     * send requests on the port; the sender was checked once, when the port opened, and every
     * request is checked against what that context may ask. The message listener is added at
     * once: a request posted right after connecting must not be lost while the gate is shut.
     */
    handleConnect(port: PortLike & { sender?: SenderLike }): void {
      if (port.name !== LIVE_PORT) return;
      const context = ready.then(() => contextOf(port.sender ?? {}));
      port.onMessage.addListener((message) => {
        void (async () => {
          const envelope = portRequestSchema.safeParse(message);
          if (!envelope.success) return;
          const reply = await answer(envelope.data.request, await context, port.sender?.tab?.id);
          hub.send(port, { type: 'reply', id: envelope.data.id, reply });
        })();
      });
      void context.then(async (allowed) => {
        if (!allowed) {
          hub.send(port, { type: 'refused', message: deps.messages.t('notAllowedHere') });
          port.disconnect();
          return;
        }
        hub.add(port);
        hub.send(port, { type: 'state', state: await engine.state() });
      });
    },

    /** `alarms.onAlarm`: the idle poll; never while a UI is open, whose stream keeps things fresh. */
    async handleAlarm(name: string): Promise<void> {
      await ready;
      if (name === POLL_ALARM && hub.count === 0) await engine.refresh();
    },
  };
}

function connectError(error: unknown, baseUrl: string, m: Messages): unknown {
  if (error instanceof ApiError && error.status === 401) {
    return new ReplyError('unauthorized', m.t('tokenNotAccepted', { url: baseUrl }));
  }
  if (error instanceof NetworkError) {
    return new ReplyError('offline', m.t('cannotReach', { url: baseUrl }));
  }
  return error;
}

export const POLL_ALARM = 'tally-poll';
/**
 * The idle poll keeps the badge roughly right with no UI open, at 144 calls a day;
 * an open UI streams instead, and recorded usage refreshes at once.
 */
export const POLL_MINUTES = 10;
