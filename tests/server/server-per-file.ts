import { afterAll, beforeAll } from 'vitest';
import { type StartOptions, startServer, type TestServer } from '../support/server.ts';

/**
 * The real server for one test file: started before its tests, stopped after them. The result
 * gives the started server; call it inside hooks and tests (it does not exist before).
 */
export function serverPerFile(options: StartOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('The server starts in beforeAll: use it inside hooks and tests');
    return server;
  };
}
