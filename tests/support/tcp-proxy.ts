// A TCP proxy in front of the test cluster: the connections of a node that connects through it
// can be cut on the node's side while PostgreSQL carries on with what it was sent, as when a
// network or a proxy drops them. Usage:
//
//   const proxy = await proxyTo(databaseUrl);   // proxy.url: the same database, through it
//   proxy.cut();                                // every connection through it, at once
//   await proxy.close();
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  cut(): void;
  close(): Promise<void>;
}

export async function proxyTo(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no port');
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: url.href,
    cut,
    close: () =>
      new Promise<void>((closed) => {
        cut();
        server.close(() => closed());
      }),
  };
}
