import type { WorkerPortMessage } from './messages.ts';

/** The name of the long-lived port over which the worker and its UIs talk (see WorkerLink). */
export const LIVE_PORT = 'tally-live';

/** The parts of `runtime.Port` the hub uses. */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The open UIs (popup, in-page widgets), each on a runtime port. Their count decides whether
 * the worker streams events; a port also keeps an MV3 worker alive while its UI is open.
 */
export class UiPorts {
  #ports = new Set<PortLike>();

  constructor(private readonly onCountChange: (count: number) => void) {}

  get count(): number {
    return this.#ports.size;
  }

  add(port: PortLike): void {
    this.#ports.add(port);
    port.onDisconnect.addListener(() => {
      if (this.#ports.delete(port)) this.onCountChange(this.#ports.size);
    });
    this.onCountChange(this.#ports.size);
  }

  send(port: PortLike, message: WorkerPortMessage): void {
    try {
      port.postMessage(message);
    } catch {
      // The UI went away between its disconnect and our send: drop it.
      this.#ports.delete(port);
    }
  }

  broadcast(message: WorkerPortMessage): void {
    for (const port of this.#ports) this.send(port, message);
  }
}
