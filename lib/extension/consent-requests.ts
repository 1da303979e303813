import { storage } from 'wxt/utils/storage';
import { ReplyError } from './reply-error.ts';

/** What the consent page asks the user about: the operation a page's preflight named. */
export interface ConsentAsk {
  operation: string;
  quantity: number;
}

/** The user's answer; `receipt` says what was charged when money moved (upgrade or overage). */
export interface ConsentAnswer {
  decision: 'proceed' | 'cancel';
  overage: boolean;
  receipt?: string;
}

/** An open request as the worker keeps it; `answer` waits there until the content script asks. */
interface Open extends ConsentAsk {
  tabId: number;
  claimed: boolean;
  answer?: ConsentAnswer;
}

/**
 * Open requests live in `storage.session`, not in worker memory: MV3 may stop the worker while
 * the consent page is open, and the restarted worker must still know the request the page
 * claims, answers or withdraws. Session storage is the extension's own, never written to disk.
 */
export function defineConsentRequestsItem() {
  return storage.defineItem<Record<string, Open>>('session:consent-requests', { fallback: {} });
}

export type ConsentRequestsItem = ReturnType<typeof defineConsentRequestsItem>;

/**
 * The consent requests the worker minted, one per preflight a content script could not answer
 * alone. The consent page (an extension page framed into that tab) may read and answer only a
 * request minted for its own tab, and only the first frame to claim it: a page that frames the
 * consent page itself, with a guessed or a copied id, gets nothing it can act on.
 */
export class ConsentRequests {
  /** Content scripts waiting for an answer, by request id; a restarted worker has none. */
  #waiting = new Map<string, (answer: ConsentAnswer) => void>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** What a frame hears of a request no longer open (the browser's language). */
    private readonly gone: string,
    private readonly item: ConsentRequestsItem = defineConsentRequestsItem(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  mint(tabId: number, ask: ConsentAsk): Promise<string> {
    return this.#change((open) => {
      const id = this.newId();
      open[id] = { operation: ask.operation, quantity: ask.quantity, tabId, claimed: false };
      return id;
    });
  }

  /**
   * Resolves with the user's answer; a request that was never minted for this tab is refused.
   * Asked again after a worker restart, it finds an answer given meanwhile.
   */
  async outcome(id: string, tabId: number): Promise<ConsentAnswer> {
    const given = await this.#change((open) => {
      const request = ownedBy(open, id, tabId, this.gone);
      if (request.answer) delete open[id];
      return request.answer;
    });
    if (given) return given;
    return new Promise((resolve) => this.#waiting.set(id, resolve));
  }

  claim(id: string, tabId: number): Promise<ConsentAsk> {
    return this.#change((open) => {
      const request = ownedBy(open, id, tabId, this.gone);
      if (request.claimed) throw new ReplyError('forbidden', this.gone);
      request.claimed = true;
      return { operation: request.operation, quantity: request.quantity };
    });
  }

  /** Only the frame that claimed the request answers it, once; the request then ends. */
  answer(id: string, tabId: number, answer: ConsentAnswer): Promise<void> {
    return this.#change((open) => {
      const request = ownedBy(open, id, tabId, this.gone);
      if (!request.claimed || request.answer) throw new ReplyError('forbidden', this.gone);
      this.#settle(open, id, answer);
    });
  }

  /** The content script gave up (its page navigated, Escape outside the frame): cancel. */
  withdraw(id: string, tabId: number): Promise<void> {
    return this.#change((open) => {
      if (open[id]?.tabId !== tabId) return;
      this.#settle(open, id, { decision: 'cancel', overage: false });
    });
  }

  /** Hands `answer` to the waiting content script, or keeps it until it asks again. */
  #settle(open: Record<string, Open>, id: string, answer: ConsentAnswer): void {
    const waiting = this.#waiting.get(id);
    const request = open[id];
    if (waiting || !request) {
      this.#waiting.delete(id);
      delete open[id];
      waiting?.(answer);
      return;
    }
    request.answer = answer;
  }

  /** Read, change and write the open requests, one change at a time. */
  #change<T>(act: (open: Record<string, Open>) => T): Promise<T> {
    const next = this.#queue.then(async () => {
      const open = { ...(await this.item.getValue()) };
      const result = act(open);
      await this.item.setValue(open);
      return result;
    });
    this.#queue = next.catch(() => {});
    return next;
  }
}

function ownedBy(open: Record<string, Open>, id: string, tabId: number, gone: string): Open {
  const request = Object.hasOwn(open, id) ? open[id] : undefined;
  if (!request || request.tabId !== tabId) throw new ReplyError('forbidden', gone);
  return request;
}
