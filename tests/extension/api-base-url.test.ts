import { describe, expect, test } from 'vitest';
import { apiBaseUrl } from '../../lib/extension/api-base-url.ts';

describe('the API URL entered in Connect', () => {
  test.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/v1', 'http://127.0.0.1:8787'],
    ['  http://127.0.0.1:8787/v1/  ', 'http://127.0.0.1:8787'],
    ['https://billing.example.com/tally/v1', 'https://billing.example.com/tally'],
    ['https://billing.example.com/tally?x=1#top', 'https://billing.example.com/tally'],
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['localhost:8787/v1', 'http://localhost:8787'],
    ['billing.example.com/tally', 'https://billing.example.com/tally'],
  ])('%s is used as %s', (entered, base) => {
    expect(apiBaseUrl(entered)).toBe(base);
  });

  test('text that is not an http(s) URL is refused in words', () => {
    expect(() => apiBaseUrl('ftp://127.0.0.1:8787')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => apiBaseUrl('two words')).toThrow(/is not a URL/);
    expect(() => apiBaseUrl('http://')).toThrow(/is not a URL/);
  });
});
