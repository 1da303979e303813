// Part of `npm run check`: lints the OpenAPI document the server serves at GET /v1/openapi.json
// with Redocly's `recommended` rules, and fails on any problem, warnings included. The document
// is built by the same call the route makes (server/routes/openapi.ts), so no server is started.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../lib/api/openapi.ts';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: string;
    message: string;
    location: { pointer: string }[];
  }[];
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'tally-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(version), null, 2));
  const lint = spawnSync(
    'npx',
    ['--no-install', 'redocly', 'lint', '--extends', 'recommended', '--format', 'json', file],
    {
      encoding: 'utf8',
      // Offline and quiet: no usage report, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  let report: LintReport;
  try {
    report = JSON.parse(lint.stdout) as LintReport;
  } catch {
    throw new Error(`redocly lint did not report (exit ${lint.status}):\n${lint.stderr}`);
  }
  for (const problem of report.problems) {
    const where = problem.location.map((l) => l.pointer).join(', ');
    console.error(`${problem.severity} ${problem.ruleId} at ${where}: ${problem.message}`);
  }
  const { errors, warnings } = report.totals;
  if (errors + warnings > 0) {
    console.error(`OpenAPI lint: ${errors} errors, ${warnings} warnings`);
    process.exitCode = 1;
  } else {
    console.log('OpenAPI lint: clean (redocly recommended)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
