import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

interface ManifestFile {
  file: string;
  versioned: string;
  format: 'module' | 'classic';
  bytes: number;
  integrity: string;
}

// A vendor pins `tally.<version>.js` (cacheable forever, checkable with Subresource Integrity)
// or follows `tally.js` (always the latest); manifest.json maps one to the other.
export function versionedCopies(): Plugin {
  const packageJson = new URL('../package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const files = new Map<string, ManifestFile>();
  return {
    name: 'tally-embed-versioned-copies',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const dot = chunk.fileName.lastIndexOf('.');
        const versioned = `${chunk.fileName.slice(0, dot)}.${version}${chunk.fileName.slice(dot)}`;
        this.emitFile({ type: 'asset', fileName: versioned, source: chunk.code });
        const digest = createHash('sha384').update(chunk.code).digest('base64');
        files.set(chunk.fileName, {
          file: chunk.fileName,
          versioned,
          format: chunk.fileName.endsWith('.mjs') ? 'module' : 'classic',
          bytes: Buffer.byteLength(chunk.code),
          integrity: `sha384-${digest}`,
        });
      }
    },
    // One output per format: rewrite the manifest after each so it lists every file so far.
    writeBundle(options) {
      const manifest = { name: 'tally-embed', version, files: [...files.values()] };
      writeFileSync(
        join(options.dir ?? 'dist/embed', 'manifest.json'),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
    },
  };
}
