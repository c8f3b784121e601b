import net from 'node:net';
import { once } from 'node:events';

/**
 * Stand-ins for a network receipt printer on 127.0.0.1, port chosen by the OS.
 * The capturing one behaves like a raw-port printer: reads the job to EOF, then closes.
 */
export interface CapturingPrinter {
  port: number;
  /** Bytes of the next finished job (connection read to EOF and closed), in arrival order. */
  nextJob(): Promise<Buffer>;
  /** Bytes received so far on all connections (to check timing of the sender's resolve). */
  receivedBytes(): number;
  close(): Promise<void>;
}

export async function startCapturingPrinter(): Promise<CapturingPrinter> {
  const finished: Buffer[] = [];
  const waiters: ((b: Buffer) => void)[] = [];
  let received = 0;
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      received += c.length;
    });
    // allowHalfOpen is false: our side ends as soon as the sender's FIN has been read.
    socket.on('close', () => {
      const job = Buffer.concat(chunks);
      const w = waiters.shift();
      if (w) w(job);
      else finished.push(job);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    nextJob: () => {
      const ready = finished.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiters.push(resolve));
    },
    receivedBytes: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A printer that accepts connections and never reads from them (paper out, cover open). */
export interface SilentPrinter {
  port: number;
  /** Resolves when a client has connected. */
  connected: Promise<net.Socket>;
  close(): Promise<void>;
}

export async function startSilentPrinter(): Promise<SilentPrinter> {
  const sockets: net.Socket[] = [];
  let onConnect!: (s: net.Socket) => void;
  const connected = new Promise<net.Socket>((r) => (onConnect = r));
  // pauseOnConnect: the socket is never read, so the sender's data and FIN stay unconsumed.
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
    onConnect(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    connected,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
