import { InvalidMatchPattern, MatchPattern } from 'wxt/utils/match-patterns';

/**
 * The demo editor of the reference server, on any port: a match pattern without a port
 * matches every port in Chrome and Firefox. The manifest's content-script matches are the
 * outer bound (no `scripting` permission: it would ask users for more); settings narrow them.
 */
export const DEFAULT_EDITOR_MATCHES = ['http://127.0.0.1/editor*', 'http://localhost/editor*'];

/** The first pattern that is not a valid match pattern, with why; null when all are valid. */
export function invalidEditorMatch(patterns: readonly string[]): string | null {
  for (const pattern of patterns) {
    try {
      new MatchPattern(pattern);
    } catch (error) {
      if (error instanceof InvalidMatchPattern) return error.message;
      throw error;
    }
  }
  return null;
}

/** Whether `url` is one of the editor pages `patterns` allow (ports ignored, as in Chrome). */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  // A string, not a URL: MatchPattern tests `instanceof Location` for objects, and a service
  // worker has no `Location`, so that test itself throws there.
  if (!URL.canParse(url)) return false;
  return patterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(url);
    } catch {
      return false;
    }
  });
}
