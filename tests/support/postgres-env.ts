// setupFiles of the PostgreSQL project: hands the run's cluster to tests/support/server.ts,
// which reads it from the environment (so benchmarks can use it outside vitest too).
import { inject } from 'vitest';

process.env.TALLY_TEST_DATABASE_URL = inject('postgresUrl');
