// Every bundle a browser downloads, gzip -9 and brotli, next to its budget
// docs/architecture.md: content script ≤ 24 KB, embed ≤ 32 KB gzip for what loads at once;
// docs/embedding.md: ≤ 8 KB for each chunk loaded on demand; the others are reported). The build
// tests hold the budgets; this prints them all.
// Run: `npx tsx bench/bundle-sizes.ts` after `npm run build` (`npm run bench` builds first).
// The last line printed is one JSON object with every figure.
import { existsSync } from 'node:fs';
import {
  type BundleSize,
  describeSize,
  embedBundles,
  extensionBundles,
  sizeOf,
} from '../tests/support/bundle-sizes.ts';

const EXTENSION = '.output/chrome-mv3';
const EMBED = 'dist/embed';

for (const dir of [EXTENSION, EMBED]) {
  if (!existsSync(dir)) throw new Error(`No ${dir}: run \`npm run build\` first.`);
}
const sizes: BundleSize[] = [
  ...extensionBundles(EXTENSION).map(sizeOf),
  ...embedBundles(EMBED).map(sizeOf),
];
for (const size of sizes) {
  console.log(describeSize(size, size.name.startsWith('embed') ? EMBED : EXTENSION));
}
console.log(
  JSON.stringify({
    bench: 'bundle-sizes',
    bundles: sizes.map(({ name, rawBytes, gzipBytes, brotliBytes, budgetBytes }) => ({
      name,
      rawBytes,
      gzipBytes,
      brotliBytes,
      budgetGzipBytes: budgetBytes ?? null,
      withinBudget: budgetBytes === undefined ? null : gzipBytes <= budgetBytes,
    })),
  }),
);
