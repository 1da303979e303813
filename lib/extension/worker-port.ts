import { browser } from 'wxt/browser';
import { LIVE_PORT } from './live-port.ts';
import { WorkerLink } from './worker-link.ts';

/** A UI's link to the background worker over the live port. */
export function linkToWorker(): WorkerLink {
  return new WorkerLink(() => browser.runtime.connect({ name: LIVE_PORT }));
}
