// The README and docs/ must stand on their own in a clone: every relative link names a path
// inside the repository that exists (and a heading there, when it names one); only http(s)
// links may go elsewhere.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  brokenLinks,
  linkTargets,
  markdownFiles,
  missingMarkdownNames,
  repositoryFiles,
  sourceFiles,
} from './markdown-links.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

test('every markdown file of the repository links only to paths inside it that exist', () => {
  const files = markdownFiles(repo);
  expect(files).toContain('README.md');
  expect(files).toContain('docs/README.md');
  const texts = files.map((file) => ({ file, text: readFileSync(join(repo, file), 'utf8') }));
  expect(brokenLinks(repo, texts)).toEqual([]);
});

test('every markdown file the code and configuration name is in the repository', () => {
  const files = repositoryFiles(repo);
  const sources = sourceFiles(files);
  expect(sources).toContain('server/app.ts');
  expect(sources).toContain('biome.json');
  // The checks' own examples (tests/docs/) name missing files on purpose.
  const checked = sources.filter((file) => !file.startsWith('tests/docs/'));
  const missing = checked.flatMap((file) =>
    missingMarkdownNames(files, file, readFileSync(join(repo, file), 'utf8')).map(
      (name) => `${file}: ${name}`,
    ),
  );
  expect(missing).toEqual([]);
});

test("a markdown name is looked for, in exact case, from the root, docs/ and the naming file's folder", () => {
  const files = new Set(['README.md', 'docs/billing.md', 'embed/package/README.md', 'v1.2.md']);
  const named = (file: string, text: string) => missingMarkdownNames(files, file, text);
  const text =
    '// See docs/billing.md, billing.md, README.md, v1.2.md and BILLING.md (shared/API.md).';
  expect(named('lib/billing/quote.ts', text)).toEqual(['BILLING.md', 'shared/API.md']);
  expect(named('embed/package/x.ts', 'its README.md, ../../docs/billing.md')).toEqual([]);
  expect(named('lib/x.ts', 'NOTES.MD, ../../README.md, ../outside.md')).toEqual([
    'NOTES.MD',
    '../../README.md',
    '../outside.md',
  ]);
  expect(named('lib/x.ts', 'import "@scope/pkg/README.md"; https://example.com/docs/a.md')).toEqual(
    [],
  );
});

describe('the link check', () => {
  let root: string;
  const check = (file: string, text: string) => brokenLinks(root, [{ file, text }]);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tally-links-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'README.md'), '# Readme\n\n## Words\n');
    writeFileSync(
      join(root, 'docs', 'api.md'),
      '# API\n\n## Errors\n\n## 1. Allow your `editor`’s origin\n',
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('accepts existing paths resolved from the linking file, anchors and http(s) links', () => {
    const text = [
      '[api](docs/api.md#errors), [docs](docs/), ![logo](<docs/api.md> "title")',
      '[here](#words), [site](https://example.com/x), [plain](http://127.0.0.1:8787/editor)',
      '[ref]: docs/api.md',
    ].join('\n');
    expect(check('README.md', text)).toEqual([]);
    expect(check('docs/api.md', '[back](../README.md) [self](api.md)')).toEqual([]);
    expect(check('README.md', '[cors](docs/api.md#1-allow-your-editors-origin)')).toEqual([]);
  });

  test('reports an anchor that no heading of the linked file has, or of the file itself', () => {
    const text = '[a](docs/api.md#error) [b](#no-such-heading)';
    expect(check('README.md', text).map((broken) => broken.why)).toEqual([
      'no heading #error in docs/api.md',
      'no heading #no-such-heading in README.md',
    ]);
  });

  test('reports a link to a path that does not exist, named from the linking file', () => {
    expect(check('docs/api.md', 'See [rules](billing.md).')).toEqual([
      {
        file: 'docs/api.md',
        target: 'billing.md',
        why: 'no such path in the repository (docs/billing.md)',
      },
    ]);
  });

  test('reports a link that leaves the repository, even to a file that exists there', () => {
    const beside = join(dirname(root), `${basename(root)}-beside.md`);
    writeFileSync(beside, '# beside\n');
    try {
      const broken = check('docs/api.md', `[design](../../${basename(beside)})`);
      expect(broken).toHaveLength(1);
      expect(broken[0]?.why).toMatch(/^points outside the repository/);
    } finally {
      rmSync(beside);
    }
  });

  test('reports other schemes and links from a site root, in reference definitions and HTML too', () => {
    const text = '[f](file:///etc/passwd)\n[r]: /docs/api.md\n<a href="gone.md">gone</a>';
    expect(check('README.md', text).map((broken) => broken.target)).toEqual([
      'file:///etc/passwd',
      '/docs/api.md',
      'gone.md',
    ]);
  });

  test('ignores what is written inside code blocks and code spans', () => {
    const text = [
      'Run `[x](nowhere.md)` like this:',
      '```md',
      '[also](nowhere.md)',
      '```',
      '[real](docs/api.md)',
    ].join('\n');
    expect(linkTargets(text)).toEqual(['docs/api.md']);
  });
});
