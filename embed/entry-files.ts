import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

interface ManifestFile {
  file: string;
  bytes: number;
  integrity: string;
}

interface EntryFile extends ManifestFile {
  versioned: string;
  format: 'module' | 'classic';
}

interface ModuleFile extends ManifestFile {
  /** `start`: loaded with the widget; `on-demand`: imported when a part of it is first shown. */
  loads: 'start' | 'on-demand';
}

const describe = (file: string, code: string): ManifestFile => ({
  file,
  bytes: Buffer.byteLength(code),
  integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
});

/** A file name with the version before its extension: tally.js → tally.0.1.0.js. */
const versionedName = (file: string, version: string) => {
  const dot = file.lastIndexOf('.');
  return `${file.slice(0, dot)}.${version}${file.slice(dot)}`;
};

/**
 * The files a page names, beside the widget's modules (the build's entry chunk and the chunks
 * it imports on demand, all named with the version, so immutable): `tally.mjs`, which
 * re-exports the entry chunk, and `tally.js`, the classic loader (loader.ts) that imports it.
 * Both are a few hundred bytes and name this version's modules; each has a versioned copy of
 * the same bytes, which a vendor pins (cacheable forever, checkable with Subresource Integrity)
 * while `tally.js` follows the latest. manifest.json lists them all with their integrity.
 */
export function entryFiles(version: string): Plugin {
  const loader = fileURLToPath(new URL('./loader.ts', import.meta.url));
  return {
    name: 'tally-embed-entry-files',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('tally-embed-entry-files: the build has no entry chunk');
      // The widget's API: the entry module's exports, not what the core exports for its chunks.
      const api = this.getModuleInfo(entry.facadeModuleId ?? '')?.exports ?? [];
      const facade = `export{${api.join(',')}}from"./${entry.fileName}";\n`;
      const classic = await build({
        entryPoints: [loader],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        charset: 'ascii',
        legalComments: 'none',
        define: {
          TALLY_MODULE: JSON.stringify(`./${entry.fileName}`),
          TALLY_VERSION: JSON.stringify(version),
        },
      });
      const loaderCode = classic.outputFiles[0]?.text ?? '';

      const entries: EntryFile[] = [];
      for (const [file, code, format] of [
        ['tally.js', loaderCode, 'classic'],
        ['tally.mjs', facade, 'module'],
      ] as const) {
        const versioned = versionedName(file, version);
        this.emitFile({ type: 'asset', fileName: file, source: code });
        this.emitFile({ type: 'asset', fileName: versioned, source: code });
        entries.push({ ...describe(file, code), versioned, format });
      }
      const modules: ModuleFile[] = chunks.map((chunk) => ({
        ...describe(chunk.fileName, chunk.code),
        loads: chunk === entry || entry.imports.includes(chunk.fileName) ? 'start' : 'on-demand',
      }));
      const manifest = { name: 'tally-embed', version, files: entries, modules };
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
