// `npm run package` (after `npm run build:embed`): the widget as an npm package for vendors who
// bundle their editor. Stages dist/embed/tally.mjs and the modules it leads to (manifest.json
// lists them: the core, and the chunks imported on demand, which the vendor's bundler splits off
// too) with its declarations (embed/package/) and a package.json carrying the repository's one
// version, then `npm pack`s it. Prints the tarball's path.
// Usage: node scripts/pack-widget.mjs [--out <folder>] (default .output).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: '.output' } } });
const out = resolve(values.out);
const built = join(root, 'dist/embed');
if (!existsSync(join(built, 'manifest.json'))) {
  console.error(`No ${built}/manifest.json: run \`npm run build:embed\` first.`);
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { modules } = JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8'));
const moduleFiles = modules.map(({ file }) => file);
const core = modules.find(({ loads }) => loads === 'start').file;
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
  // Importing the module defines <tally-credits> (the core does, which tally.mjs re-exports): a
  // bundler must keep even a bare import.
  sideEffects: ['./tally.mjs', `./${core}`],
  files: ['tally.mjs', ...moduleFiles, 'index.d.ts', 'README.md'],
  keywords: ['tally', 'credits', 'billing', 'web-component', 'custom-element'],
};

const stage = join(out, 'widget-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const file of ['tally.mjs', ...moduleFiles])
  copyFileSync(join(built, file), join(stage, file));
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
