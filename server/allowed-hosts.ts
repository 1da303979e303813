import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/**
 * Which `Host` names a request may carry (docs/api.md, TALLY_ALLOWED_HOSTS). A name an attacker
 * re-pointed at this machine (DNS rebinding) makes a browser treat its page and this server as
 * one origin; checking Host is what tells the two apart.
 */
export interface AllowedHosts {
  /** `host:port` entries, lower-case, IPv6 in brackets. */
  exact: Set<string>;
  /** Entries given without a port: that name on any port. */
  anyPort: Set<string>;
  /** With no TALLY_ALLOWED_HOSTS: the loopback names and HOST, on the port the request came in on. */
  onListeningPort: string[];
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const entryPattern = /^(\[[0-9a-f:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/;

/** Reads TALLY_ALLOWED_HOSTS (comma list of host[:port]); unset, the default of docs/api.md. */
export function allowedHostsFromEnv(list: string | undefined, host: string): AllowedHosts {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 0) {
    const names = new Set([...loopbackNames, bracketed(host.toLowerCase())]);
    return { exact: new Set(), anyPort: new Set(), onListeningPort: [...names] };
  }
  const allowed: AllowedHosts = { exact: new Set(), anyPort: new Set(), onListeningPort: [] };
  for (const entry of entries) {
    // A bare IPv6 address ("::1") has colons but no port.
    const match = entryPattern.exec(entry.split(':').length > 2 ? bracketed(entry) : entry);
    if (!match?.[1]) {
      throw new Error(`TALLY_ALLOWED_HOSTS: "${entry}" is not a host or host:port`);
    }
    if (match[2] === undefined) allowed.anyPort.add(match[1]);
    else allowed.exact.add(`${match[1]}:${Number(match[2])}`);
  }
  return allowed;
}

function hostAllowed(allowed: AllowedHosts, hostHeader: string, localPort: number): boolean {
  const host = hostHeader.toLowerCase();
  if (allowed.exact.has(host)) return true;
  const name = host.replace(/:\d+$/, '');
  if (allowed.anyPort.has(name)) return true;
  // A browser leaves the port out of Host when it is the scheme's default.
  const port = host === name ? 80 : Number(host.slice(name.length + 1));
  return port === localPort && allowed.onListeningPort.includes(name);
}

/**
 * Answers `421 misdirected_request` to a request whose Host is not allowed, before any route
 * runs. Only requests that came over the network are checked: the demo editor's in-process calls
 * into the billing API come from a request that was.
 */
export function checkHost(allowed: AllowedHosts): MiddlewareHandler {
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming) {
      const host = incoming.headers.host ?? '';
      if (!hostAllowed(allowed, host, incoming.socket.localPort ?? 0)) {
        throw new ApiError(
          'misdirected_request',
          `This server does not answer for the host "${host}" (TALLY_ALLOWED_HOSTS)`,
        );
      }
    }
    await next();
  };
}
