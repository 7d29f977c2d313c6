/**
 * Azurite (the Azure Storage emulator) as the blob store behind the fake results service: started
 * from node_modules on 127.0.0.1 and a free port, in memory, without telemetry; stopped cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, generateBlobSASQueryParameters, type ContainerClient } from '@azure/storage-blob';
import { resolveNodeBinary } from './node-binary.js';

/** Azurite's well-known development account (published in its README). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
export const RESULTS_CONTAINER = 'actions-results';

/** What the fakes need from blob storage: signed URLs, and reads/writes for seeding and checks. */
export interface BlobStore {
  /** A SAS URL of one blob; `permissions` as in Azure (`r` read, `cw` create+write, `d` delete). */
  signedUrl(blobName: string, permissions: string, expiresInS?: number): string;
  properties(blobName: string): Promise<{ size: number; contentType: string | undefined } | undefined>;
  read(blobName: string): Promise<Buffer>;
  write(blobName: string, data: Buffer, contentType: string): Promise<void>;
  delete(blobName: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
}

export interface Azurite extends BlobStore {
  readonly blobEndpoint: string;
  readonly port: number;
  readonly pid: number;
  readonly container: ContainerClient;
  /** Node binary that runs Azurite (it declares Node >= 22; Node 20 is used only as a fallback). */
  readonly node: string;
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** Milliseconds to wait for Azurite to listen (default 180 s: a cold start took over 30 s on a 2-core box at load 15; this only catches a hang). */
  startTimeoutMs?: number;
  /** Cap of the in-memory extent store, in MB (default 512). */
  memoryLimitMb?: number;
}

const require = createRequire(import.meta.url);
const WATCHDOG = new URL('./parent-watchdog.mjs', import.meta.url).href;

function azuriteBlobMain(): string {
  const pkgPath = require.resolve('azurite/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: Record<string, string> };
  const bin = pkg.bin['azurite-blob'];
  if (bin === undefined) throw new Error('azurite package has no azurite-blob bin');
  return join(dirname(pkgPath), bin);
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1] !== undefined) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null): void => finish(new Error(`Azurite exited (${code}) before listening:\n${output}`));
    function finish(error: Error | undefined, port?: number): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
      else resolve(port!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startAzurite(options: StartAzuriteOptions = {}): Promise<Azurite> {
  // In-memory mode refuses --location, so its working directory is the one thing it may write into.
  const location = mkdtempSync(join(tmpdir(), 'og-azurite-'));
  const node = resolveNodeBinary().path;
  const args = [
    '--import',
    WATCHDOG,
    azuriteBlobMain(),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--inMemoryPersistence',
    '--extentMemoryLimit',
    String(options.memoryLimitMb ?? 512),
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    '--disableTelemetry',
    '--disableProductStyleUrl',
  ];
  const child = spawn(node, args, { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] });
  let port: number;
  try {
    port = await waitForListening(child, options.startTimeoutMs ?? 180_000);
  } catch (error) {
    await stopChild(child, 2_000);
    rmSync(location, { recursive: true, force: true });
    throw error;
  }
  // Keep draining its output so a chatty Azurite never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  // A test that crashes or forgets stop() must not leave Azurite running after the test process:
  // killed on a normal exit here, and by the preloaded watchdog when this process is killed.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const blobEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY);
  const service = new BlobServiceClient(blobEndpoint, credential);
  const container = service.getContainerClient(RESULTS_CONTAINER);
  await container.createIfNotExists();

  const blob = (name: string) => container.getBlockBlobClient(name);
  return {
    blobEndpoint,
    port,
    pid: child.pid!,
    container,
    node,
    signedUrl(blobName, permissions, expiresInS = 3600) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: RESULTS_CONTAINER,
          blobName,
          permissions: BlobSASPermissions.parse(permissions),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + expiresInS * 1000),
        },
        credential,
      );
      return `${blob(blobName).url}?${sas.toString()}`;
    },
    async properties(blobName) {
      const client = blob(blobName);
      if (!(await client.exists())) return undefined;
      const props = await client.getProperties();
      return { size: props.contentLength ?? 0, contentType: props.contentType };
    },
    async read(blobName) {
      return blob(blobName).downloadToBuffer();
    },
    async write(blobName, data, contentType) {
      await blob(blobName).uploadData(data, { blobHTTPHeaders: { blobContentType: contentType } });
    },
    async delete(blobName) {
      await blob(blobName).deleteIfExists();
    },
    async list(prefix) {
      const names: string[] = [];
      for await (const item of container.listBlobsFlat(prefix === undefined ? {} : { prefix })) names.push(item.name);
      return names;
    },
    async stop() {
      process.off('exit', killOnExit);
      await stopChild(child, 5_000);
      rmSync(location, { recursive: true, force: true });
    },
  };
}
