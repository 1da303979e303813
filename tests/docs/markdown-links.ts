// Finds the links of markdown files that lead nowhere: a relative link must name a file or
// folder inside the repository (a clone has nothing beside it), resolved from the linking file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

export interface BrokenLink {
  file: string;
  target: string;
  why: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;
const INLINE =
  /!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;
const HTML_ATTRIBUTE = /<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']/gi;

/** The link targets written in a markdown text, leaving out code blocks and code spans. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(FENCE, '').replace(CODE_SPAN, '');
  const targets: string[] = [];
  for (const pattern of [INLINE, DEFINITION, HTML_ATTRIBUTE]) {
    for (const match of prose.matchAll(pattern)) {
      targets.push(match[1]!.replace(/^<|>$/g, ''));
    }
  }
  return targets;
}

/** Why a link from `file` to `target` is broken, or null when it is fine. */
export function brokenReason(root: string, file: string, target: string): string | null {
  if (/^https?:\/\//i.test(target)) return null;
  if (target.startsWith('#')) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'only http(s) links may leave the repository';
  if (target.startsWith('/'))
    return 'a link from the root of a site; write it relative to the file';
  const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
  const resolved = resolve(dirname(resolve(root, file)), path);
  const inside = resolved === resolve(root) || resolved.startsWith(resolve(root) + sep);
  if (!inside) return `points outside the repository (${relative(root, resolved)})`;
  if (!existsSync(resolved)) return `no such path in the repository (${relative(root, resolved)})`;
  return null;
}

/** Every markdown file of the repository: tracked ones and new ones git does not ignore. */
export function markdownFiles(root: string): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.md'],
    { cwd: root, encoding: 'utf8' },
  );
  return [...new Set(listed.split('\0').filter(Boolean))]
    .filter((file) => existsSync(resolve(root, file)))
    .sort();
}

export function brokenLinks(root: string, files: { file: string; text: string }[]): BrokenLink[] {
  return files.flatMap(({ file, text }) =>
    linkTargets(text).flatMap((target) => {
      const why = brokenReason(root, file, target);
      return why === null ? [] : [{ file, target, why }];
    }),
  );
}
