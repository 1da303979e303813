import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundaries of docs/architecture.md are Biome rules (biome.json, `overrides`), so `npm run check`
// refuses a file that crosses one. Each probe below is a small file written into the folder it
// speaks for, linted by the real Biome with the real config, and removed again.
const root = fileURLToPath(new URL('../..', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');
const run = promisify(execFile);
const boundaryRules = ['--only=style/noRestrictedImports', '--only=style/noRestrictedGlobals'];

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string; start: { line: number } };
}

async function lint(paths: string[]): Promise<{ exitCode: number; diagnostics: Diagnostic[] }> {
  const args = ['lint', ...boundaryRules, '--reporter=json', '--max-diagnostics=none', ...paths];
  try {
    const { stdout } = await run(biome, args, { cwd: root });
    return { exitCode: 0, diagnostics: JSON.parse(stdout).diagnostics };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { exitCode: failed.code, diagnostics: JSON.parse(failed.stdout).diagnostics };
  }
}

const probeName = `__boundary-probe-${process.pid}`;
// Each probe line crosses one boundary; `allowed` lines must pass.
const probes = {
  billing: {
    path: `lib/billing/${probeName}.ts`,
    lines: [
      "import { z } from 'zod';",
      "import { API_ZOD } from '../api/zod.ts';",
      "import { storage } from 'wxt/utils/storage';",
      "import { EditorWidget } from '../../components/EditorWidget.tsx';",
      'export const reach = browser.runtime.id;',
    ],
    allowed: ["import { Decimal } from 'decimal.js';", "import { D } from './decimal.ts';"],
  },
  components: {
    path: `components/${probeName}.tsx`,
    lines: [
      "import { storage } from 'wxt/utils/storage';",
      "import { EditorSettings } from '../entrypoints/popup/EditorSettings.tsx';",
      "import { createApp } from '../server/app.ts';",
      "import { createApiClient } from '../lib/api/client.ts';",
      'export const reach = browser.runtime.id;',
      "export const call = fetch('/v1/me');",
    ],
    allowed: ["import { formatCredits } from '../lib/billing/format.ts';"],
  },
  server: {
    path: `server/${probeName}.ts`,
    lines: [
      "import { BalanceMeter } from '../components/BalanceMeter.tsx';",
      "import worker from '../entrypoints/background.ts';",
    ],
    allowed: ["import { createApiClient } from '../lib/api/client.ts';"],
  },
  entrypoints: {
    path: `entrypoints/popup/${probeName}.ts`,
    lines: [
      "import { readFileSync } from 'node:fs';",
      'export const mode = process.env.NODE_ENV;',
      'export let timer: NodeJS.Timeout | undefined;',
    ],
    allowed: ["import { storage } from 'wxt/utils/storage';"],
  },
  contentScript: {
    path: `entrypoints/editor.content/${probeName}.ts`,
    lines: [
      "import { readFileSync } from 'node:fs';",
      "import { createApiClient } from '../../lib/api/client.ts';",
      "import { callApi } from '../../lib/api/request.ts';",
      "import { isApiError } from '../../lib/api/index.ts';",
    ],
    allowed: ["import { SnapshotSchema } from '../../lib/api/schemas/snapshot.ts';"],
  },
  store: {
    path: `lib/store/${probeName}.ts`,
    lines: ["import { createApiClient } from '../api/client.ts';"],
    allowed: ["import { SnapshotSchema } from '../api/schemas/snapshot.ts';"],
  },
};
type Folder = keyof typeof probes;

let probeRun: { exitCode: number; diagnostics: Diagnostic[] };

beforeAll(async () => {
  const written = Object.values(probes).map((probe) => join(root, probe.path));
  try {
    await Promise.all(
      Object.values(probes).map((probe, i) =>
        writeFile(written[i] as string, [...probe.lines, ...probe.allowed, ''].join('\n')),
      ),
    );
    probeRun = await lint(Object.values(probes).map((probe) => probe.path));
  } finally {
    await Promise.all(written.map((path) => rm(path, { force: true })));
  }
});

function flaggedLines(folder: Folder): number[] {
  return probeRun.diagnostics
    .filter((d) => d.location.path === probes[folder].path)
    .map((d) => d.location.start.line)
    .sort((a, b) => a - b);
}

function crossingLines(folder: Folder): number[] {
  return probes[folder].lines.map((_, i) => i + 1);
}

describe('Biome enforces the boundaries of docs/architecture.md', () => {
  it('fails the check when a file crosses a boundary', () => {
    expect(probeRun.exitCode).not.toBe(0);
  });

  it('keeps lib/billing to itself and decimal.js: no other folder, zod, wxt or browser', () => {
    expect(flaggedLines('billing')).toEqual(crossingLines('billing'));
  });

  it('keeps browser, wxt, entrypoints, server, fetch and the API client out of components/', () => {
    expect(flaggedLines('components')).toEqual(crossingLines('components'));
  });

  it('keeps components/ and entrypoints/ out of server/', () => {
    expect(flaggedLines('server')).toEqual(crossingLines('server'));
  });

  it('keeps Node modules and globals out of the WXT entrypoints', () => {
    expect(flaggedLines('entrypoints')).toEqual(crossingLines('entrypoints'));
  });

  it('keeps the API client out of the content script and the store it renders', () => {
    expect(flaggedLines('contentScript')).toEqual(crossingLines('contentScript'));
    expect(flaggedLines('store')).toEqual(crossingLines('store'));
  });

  it('finds no crossing in the real tree', async () => {
    const real = await lint(['lib', 'components', 'entrypoints', 'embed', 'server']);
    expect(real.diagnostics).toEqual([]);
    expect(real.exitCode).toBe(0);
  });
});

describe('the content script', () => {
  // Biome sees one file's imports; the bundle's inputs are everything the content script runs.
  it('never bundles the API client, not even through another module', async () => {
    const bundle = await build({
      entryPoints: [join(root, 'entrypoints/editor.content/index.tsx')],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      packages: 'external',
      format: 'esm',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
      plugins: [
        {
          name: 'css-outside',
          setup(b) {
            b.onResolve({ filter: /\.css(\?inline)?$/ }, (args) => ({
              path: args.path,
              external: true,
            }));
          },
        },
      ],
    });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs).toContain('entrypoints/editor.content/index.tsx');
    expect(inputs).not.toContain('lib/api/client.ts');
    expect(inputs).not.toContain('lib/api/request.ts');
  });
});
