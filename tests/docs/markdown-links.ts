// Finds the links of markdown files that lead nowhere: a relative link must name a file or
// folder inside the repository (a clone has nothing beside it), resolved from the linking file,
// and an anchor must name a heading of the markdown file it points into.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';

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
function brokenReason(root: string, file: string, target: string): string | null {
  if (/^https?:\/\//i.test(target)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return 'only http(s) links may leave the repository';
  if (target.startsWith('/')) {
    return 'a link from the root of a site; write it relative to the file';
  }
  const [pathPart = '', fragment] = target.replace(/\?[^#]*/, '').split('#', 2);
  // "#anchor" alone points into the linking file itself.
  const resolved = pathPart
    ? resolve(dirname(resolve(root, file)), decodeURIComponent(pathPart))
    : resolve(root, file);
  const inside = resolved === resolve(root) || resolved.startsWith(resolve(root) + sep);
  if (!inside) return `points outside the repository (${relative(root, resolved)})`;
  if (!existsSync(resolved)) return `no such path in the repository (${relative(root, resolved)})`;
  if (
    fragment &&
    resolved.endsWith('.md') &&
    !headingSlugs(readFileSync(resolved, 'utf8')).has(fragment)
  ) {
    return `no heading #${fragment} in ${relative(root, resolved)}`;
  }
  return null;
}

/**
 * The anchors a markdown renderer gives the headings, as GitHub makes them: the heading's text
 * in lower case, without punctuation, spaces as hyphens; a repeated one gets -1, -2, …
 */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const [, text = ''] of markdown
    .replace(FENCE, '')
    .matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    for (let n = 1; slugs.has(slug); n += 1) slug = `${base}-${n}`;
    slugs.add(slug);
  }
  return slugs;
}

/** Every file of the repository, tracked or new and not ignored, by its path in exact case. */
export function repositoryFiles(root: string): Set<string> {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return new Set(listed.split('\0').filter((file) => file && existsSync(resolve(root, file))));
}

/** Every markdown file of the repository: tracked ones and new ones git does not ignore. */
export function markdownFiles(root: string): string[] {
  return [...repositoryFiles(root)].filter((file) => file.endsWith('.md')).sort();
}

/** The code and configuration among `files` (not markdown, not the lock file). */
export function sourceFiles(files: Iterable<string>): string[] {
  return [...files]
    .filter((file) => /\.(ts|tsx|mjs|js|json|css|html)$/.test(file) && file !== 'package-lock.json')
    .sort();
}

/**
 * The names of markdown files a source file mentions ("docs/billing.md", "README.md") that the
 * repository does not have (`files`, exact case), looked for from its root, from docs/ and from
 * the file's folder, never outside the repository: a comment may only send its reader to
 * documentation the clone has.
 */
export function missingMarkdownNames(
  files: ReadonlySet<string>,
  file: string,
  text: string,
): string[] {
  const names = text.match(/(?<![\w./@-])(?:[\w.-]+\/)*[\w.-]+\.md\b/gi) ?? [];
  const found = (name: string) =>
    ['.', 'docs', posix.dirname(file)].some((folder) => {
      const path = posix.normalize(posix.join(folder, name));
      return !path.startsWith('../') && files.has(path);
    });
  return [...new Set(names)].filter((name) => !found(name));
}

export function brokenLinks(root: string, files: { file: string; text: string }[]): BrokenLink[] {
  return files.flatMap(({ file, text }) =>
    linkTargets(text).flatMap((target) => {
      const why = brokenReason(root, file, target);
      return why === null ? [] : [{ file, target, why }];
    }),
  );
}
