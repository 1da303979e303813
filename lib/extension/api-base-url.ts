import { ReplyError } from './reply-error.ts';

/**
 * The billing API's base URL as the API client wants it: origin and path prefix, no trailing
 * slash, and without a trailing `/v1` that people paste from the server's routes (the client
 * adds `/v1/…` itself). Throws a readable error for text that is not an http(s) URL.
 */
export function apiBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(withScheme(text));
  } catch {
    throw new ReplyError(
      'invalid_request',
      `"${text}" is not a URL; enter the API URL like http://127.0.0.1:8787.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ReplyError(
      'invalid_request',
      `The API URL must start with http:// or https://; got "${text}".`,
    );
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * "127.0.0.1:8787" as people type it → "http://127.0.0.1:8787": text without a scheme gets
 * http:// for this machine (where the demo server runs) and https:// for anywhere else.
 */
export function withScheme(text: string): string {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/i.test(trimmed);
  return `${local ? 'http' : 'https'}://${trimmed}`;
}
