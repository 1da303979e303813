// The demo pages' scripts are TypeScript (client/main.ts for the editor, importing lib/page and
// lib/billing; client/webhooks-page.ts for the webhook receiver), bundled in memory the first
// time each is asked for, so `npm start` needs no build step for them.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export type ClientEntry = 'main' | 'webhooks-page';

const bundles = new Map<ClientEntry, Promise<string>>();

export function editorScript(entry: ClientEntry = 'main'): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = bundleScript(entry).catch((error: unknown) => {
      bundles.delete(entry); // let the next request try again after a fix
      throw error;
    });
    bundles.set(entry, bundle);
  }
  return bundle;
}

async function bundleScript(entry: ClientEntry): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./client/${entry}.ts`, import.meta.url))],
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
