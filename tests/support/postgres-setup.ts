// vitest globalSetup of the PostgreSQL project: one cluster for the whole run (or the one at
// TALLY_TEST_DATABASE_URL), stopped at the end; each server started in a test gets its own
// database in it (tests/support/postgres-database.ts).
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TALLY_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const cluster = await startCluster({ durable: false });
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
