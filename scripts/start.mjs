// `npm start`: build the extension and the embeddable widget, then run the reference billing
// server (which serves the API, the demo editor and the embed script) until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('\nThe build failed; the server was not started.');
  process.exit(build.status ?? 1);
}

console.log(`
Extension built:
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" →
                   ${resolve('.output/chrome-mv3')}
  Firefox:         about:debugging → This Firefox → "Load Temporary Add-on" →
                   ${resolve('.output/firefox-mv2/manifest.json')}
`);

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: process.env,
});
// The server shuts itself down cleanly on SIGINT/SIGTERM; pass them on and leave with its code.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
