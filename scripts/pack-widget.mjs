// `npm run package` (after `npm run build:embed`): the widget as an npm package for vendors who
// bundle their editor. Stages dist/embed/tally.mjs with its declarations (embed/package/) and a
// package.json carrying the repository's one version, then `npm pack`s it. Prints the tarball's
// path. Usage: node scripts/pack-widget.mjs [--out <folder>] (default .output).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: '.output' } } });
const out = resolve(values.out);
const built = join(root, 'dist/embed/tally.mjs');
if (!existsSync(built)) {
  console.error(`No ${built}: run \`npm run build:embed\` first.`);
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = {
  name: '@tally/widget',
  version,
  description:
    'Tally’s credit widget for editors: live balance, cost previews and the upgrade-or-pay-overage dialog.',
  type: 'module',
  module: './tally.mjs',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', default: './tally.mjs' },
    './package.json': './package.json',
  },
  // Importing the module defines <tally-credits>: a bundler must keep even a bare import.
  sideEffects: ['./tally.mjs'],
  files: ['tally.mjs', 'index.d.ts', 'README.md'],
  keywords: ['tally', 'credits', 'billing', 'web-component', 'custom-element'],
};

const stage = join(out, 'widget-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
copyFileSync(built, join(stage, 'tally.mjs'));
copyFileSync(join(root, 'embed/package/index.d.ts'), join(stage, 'index.d.ts'));
copyFileSync(join(root, 'embed/package/README.md'), join(stage, 'README.md'));
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', out], {
  cwd: stage,
  encoding: 'utf8',
});
if (pack.status !== 0) {
  console.error(pack.stderr);
  process.exit(pack.status ?? 1);
}
const [{ filename }] = JSON.parse(pack.stdout);
console.log(join(out, filename));
