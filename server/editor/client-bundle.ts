// The editor page's script is TypeScript (client/main.ts, importing lib/page and lib/billing),
// bundled in memory the first time it is asked for, so `npm start` needs no build step for it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

let bundle: Promise<string> | undefined;

export function editorScript(): Promise<string> {
  bundle ??= bundleEditorScript().catch((error: unknown) => {
    bundle = undefined; // let the next request try again after a fix
    throw error;
  });
  return bundle;
}

async function bundleEditorScript(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output for the editor page');
  return file.text;
}
