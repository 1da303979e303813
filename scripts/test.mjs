// `npm test`: build what the end-to-end tests load, run every vitest project, and close with
// the plain line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });

const build = run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('.test-results', { recursive: true });
const report = '.test-results/vitest.json';
const vitest = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  if (vitest.status !== 0 && failed === 0) failed = 1;
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
