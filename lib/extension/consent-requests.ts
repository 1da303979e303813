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

interface Open extends ConsentAsk {
  tabId: number;
  claimed: boolean;
  answered: Promise<ConsentAnswer>;
  resolve(answer: ConsentAnswer): void;
}

const GONE = 'This request is no longer open: run the operation again from the editor.';

/**
 * The consent requests the worker minted, one per preflight a content script could not answer
 * alone. The consent page (an extension page framed into that tab) may read and answer only a
 * request minted for its own tab, and only the first frame to claim it: a page that frames the
 * consent page itself, with a guessed or a copied id, gets nothing it can act on.
 */
export class ConsentRequests {
  #open = new Map<string, Open>();

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {}

  mint(tabId: number, ask: ConsentAsk): string {
    const id = this.newId();
    let resolve: (answer: ConsentAnswer) => void = () => {};
    const answered = new Promise<ConsentAnswer>((done) => {
      resolve = done;
    });
    this.#open.set(id, { ...ask, tabId, claimed: false, answered, resolve });
    return id;
  }

  /** Resolves with the user's answer; a request that was never minted for this tab is refused. */
  outcome(id: string, tabId: number): Promise<ConsentAnswer> {
    return this.#ownedBy(id, tabId).answered;
  }

  claim(id: string, tabId: number): ConsentAsk {
    const open = this.#ownedBy(id, tabId);
    if (open.claimed) throw new ReplyError('forbidden', GONE);
    open.claimed = true;
    return { operation: open.operation, quantity: open.quantity };
  }

  /** Only the frame that claimed the request answers it, once; the request then ends. */
  answer(id: string, tabId: number, answer: ConsentAnswer): void {
    const open = this.#ownedBy(id, tabId);
    if (!open.claimed) throw new ReplyError('forbidden', GONE);
    this.#open.delete(id);
    open.resolve(answer);
  }

  /** The content script gave up (its page navigated, Escape outside the frame): cancel. */
  withdraw(id: string, tabId: number): void {
    const open = this.#open.get(id);
    if (!open || open.tabId !== tabId) return;
    this.#open.delete(id);
    open.resolve({ decision: 'cancel', overage: false });
  }

  #ownedBy(id: string, tabId: number | undefined): Open {
    const open = this.#open.get(id);
    if (!open || open.tabId !== tabId) throw new ReplyError('forbidden', GONE);
    return open;
  }
}
