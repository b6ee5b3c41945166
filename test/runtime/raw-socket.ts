/** Talks HTTP/1.1 over a bare TCP socket, so that tests can send bytes no HTTP client would. */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
}

export interface RawConnection {
  socket: Socket;
  /** Resolves with the next complete response on this connection. */
  next(timeoutMs?: number): Promise<RawResponse>;
  /** Resolves once the server has closed the connection (true), or false after `timeoutMs`. */
  closed(timeoutMs?: number): Promise<boolean>;
  write(bytes: string | Buffer): void;
}

export async function open(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffered = Buffer.alloc(0);
  let ended = false;
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake?.();
  });
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  socket.on('end', onEnd);
  socket.on('close', onEnd);
  socket.on('error', () => undefined);

  function take(): RawResponse | undefined {
    const headerEnd = buffered.indexOf('\r\n\r\n');
    if (headerEnd === -1) return undefined;
    const lines = buffered.subarray(0, headerEnd).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (buffered.length < headerEnd + 4 + length) return undefined;
    const body = buffered.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffered = buffered.subarray(headerEnd + 4 + length);
    return { status: Number(lines[0].split(' ')[1]), headers, body };
  }

  async function waitFor<T>(test: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = test();
      if (result !== undefined) return result;
      if (ended) throw new Error(`connection closed before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  return {
    socket,
    write: (bytes) => socket.write(bytes),
    next: (timeoutMs = 5000) => waitFor(take, timeoutMs, 'response'),
    closed: async (timeoutMs = 5000) => {
      try {
        await waitFor(() => (ended ? true : undefined), timeoutMs, 'close');
        return true;
      } catch (error) {
        if (ended) return true;
        return false;
      }
    },
  };
}

/** One request on a fresh connection; the connection is closed afterwards. */
export async function exchange(port: number, bytes: string | Buffer): Promise<RawResponse> {
  const connection = await open(port);
  try {
    connection.write(bytes);
    return await connection.next();
  } finally {
    connection.socket.destroy();
  }
}

/** The bytes of an HTTP/1.1 request with a JSON body (or `contentType` as given; null for none). */
export function request(method: string, path: string, body = '', contentType: string | null = 'application/json', extra = ''): string {
  const type = contentType === null ? '' : `Content-Type: ${contentType}\r\n`;
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
}
