/**
 * The small HTTP core shared by the loopback fakes: every request is recorded (after its answer is
 * known), faults can be queued per route, and the listener can be paused (connection refused) and
 * resumed on the same port. Route handlers are plain functions of a parsed request.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The Authorization header's credential without its scheme (`token x` / `Bearer x` → `x`). */
  auth: string | undefined;
  rawBody: Buffer;
  /** The body parsed as JSON when it is JSON; undefined otherwise. */
  json: unknown;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** Sent as is when `json` is undefined. */
  text?: string;
}

export interface RecordedCall {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  auth: string | undefined;
  body: unknown;
  status: number;
  /** Set when the answer came from an injected fault (`500`, `429`, `drop` …). */
  fault?: string;
  /** Extra facts a fake attaches (e.g. the backend ids of the runtime token). */
  note?: Record<string, unknown>;
}

export interface Fault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Destroy the socket without answering (the client sees ECONNRESET). */
  drop?: boolean;
  /** Wait this long before answering (or dropping). */
  delayMs?: number;
  /** How many matching calls get this fault (default 1). */
  times?: number;
  /** After `delayMs`, answer normally instead of with a fault. */
  passThrough?: boolean;
}

export interface FaultMatch {
  method?: string;
  /** Exact pathname, a pattern where `*` stands for one path segment, or a RegExp. */
  path: string | RegExp;
}

/** Ready-made faults that look like GitHub's and Azure's own failures. */
export const faults = {
  serverError: (times = 1): Fault => ({ status: 500, times }),
  unavailable: (times = 1): Fault => ({ status: 503, times }),
  /** GitHub's secondary rate limit: 429 with `retry-after` (seconds). */
  tooManyRequests: (retryAfterS: number, times = 1): Fault => ({
    status: 429,
    times,
    headers: { 'retry-after': String(retryAfterS) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
  }),
  /** GitHub's primary rate limit: 403 with `x-ratelimit-remaining: 0` and the reset epoch. */
  rateLimited: (resetInS: number, times = 1): Fault => ({
    status: 403,
    times,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInS),
    },
    body: {
      message: 'API rate limit exceeded for installation.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
  }),
  /**
   * GitHub's secondary rate limit: 403 (or 429) while the primary quota is fine (the common
   * `x-ratelimit-remaining` header stays healthy); `retry-after` only sometimes. Only the body
   * tells it from a permission error.
   */
  secondaryRateLimit: ({ status = 403, retryAfterS, times = 1 }: { status?: 403 | 429; retryAfterS?: number; times?: number } = {}): Fault => ({
    status,
    times,
    headers: retryAfterS === undefined ? {} : { 'retry-after': String(retryAfterS) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
  }),
  drop: (times = 1): Fault => ({ drop: true, times }),
  /** No answer for `ms` (a stalled connection), then the normal answer. */
  stall: (ms: number, times = 1): Fault => ({ delayMs: ms, times, passThrough: true }),
};

interface QueuedFault {
  match: FaultMatch;
  fault: Fault;
  left: number;
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path instanceof RegExp) return match.path.test(path);
  if (!match.path.includes('*')) return match.path === path;
  const want = match.path.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i]);
}

export interface RecordingServerOptions {
  name: string;
  handle: (req: FakeRequest, note: Record<string, unknown>) => Promise<FakeResponse> | FakeResponse;
  /** The body a fault answers with when it names none (each fake speaks its own error dialect). */
  faultBody: (status: number) => unknown;
  /** Headers added to every answer (e.g. GitHub's rate-limit headers). */
  commonHeaders?: () => Record<string, string>;
}

export interface RecordingServer {
  readonly url: string;
  readonly port: number;
  readonly calls: readonly RecordedCall[];
  failNext(match: FaultMatch, fault: Fault): void;
  clearFaults(): void;
  /** Stop listening: new connections are refused until `resume()`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType !== undefined && !contentType.includes('json') && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function credential(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const space = header.indexOf(' ');
  return space < 0 ? header : header.slice(space + 1).trim();
}

export function isoSeconds(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function startRecordingServer(options: RecordingServerOptions): Promise<RecordingServer> {
  const calls: RecordedCall[] = [];
  const queued: QueuedFault[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;

  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // E.g. the client went away mid-body: nothing to answer, but never an unhandled rejection.
      console.error(`[${options.name}] ${req.method} ${req.url}:`, error);
      res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const request: FakeRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      auth: credential(req.headers.authorization),
      rawBody,
      json: parseJson(rawBody, req.headers['content-type']),
    };
    const call: RecordedCall = {
      seq: ++seq,
      at: new Date().toISOString(),
      method: request.method,
      path: request.path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      auth: request.auth,
      body: request.json ?? (rawBody.length > 0 ? rawBody.toString('utf8') : undefined),
      status: 0,
    };
    calls.push(call);

    const fault = takeFault(request.method, request.path);
    if (fault !== undefined) {
      if (fault.passThrough === true) call.fault = 'stall';
      if (fault.delayMs !== undefined) await new Promise((r) => setTimeout(r, fault.delayMs));
      // The client may have given up meanwhile: nothing to answer.
      if (req.socket.destroyed) {
        call.fault = 'abandoned';
        return;
      }
    }
    if (fault !== undefined && fault.passThrough !== true) {
      if (fault.drop === true) {
        call.fault = 'drop';
        req.socket.destroy();
        return;
      }
      const status = fault.status ?? 500;
      call.status = status;
      call.fault = String(status);
      send(res, { status, headers: fault.headers, json: fault.body ?? options.faultBody(status) });
      return;
    }

    const note: Record<string, unknown> = {};
    let response: FakeResponse;
    try {
      response = await options.handle(request, note);
    } catch (error) {
      // A bug in the fake must be loud in the test, not look like a service answer.
      console.error(`[${options.name}] handler crashed on ${request.method} ${request.path}:`, error);
      response = { status: 599, json: { message: `fake ${options.name} crashed: ${String(error)}` } };
    }
    if (Object.keys(note).length > 0) call.note = note;
    call.status = response.status;
    send(res, response);
  }

  function send(res: ServerResponse, response: FakeResponse): void {
    const headers: Record<string, string> = { ...(options.commonHeaders?.() ?? {}), ...(response.headers ?? {}) };
    let payload: string | undefined;
    if (response.json !== undefined) {
      payload = JSON.stringify(response.json);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    } else if (response.text !== undefined) {
      payload = response.text;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    }
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers);
    res.end(payload);
  }

  function takeFault(method: string, path: string): Fault | undefined {
    const index = queued.findIndex((q) => matches(q.match, method, path));
    if (index < 0) return undefined;
    const entry = queued[index]!;
    entry.left -= 1;
    if (entry.left <= 0) queued.splice(index, 1);
    return entry.fault;
  }

  async function listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  async function close(): Promise<void> {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    failNext(match, fault) {
      queued.push({ match, fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      queued.length = 0;
    },
    pause: close,
    async resume() {
      if (!server.listening) await listen(port);
    },
    stop: close,
  };
}
