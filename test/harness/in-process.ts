/**
 * Running the real toolkit clients inside a test process: they read `process.env` when called (and
 * @actions/github reads GITHUB_API_URL once, on import), and they log workflow commands straight to
 * stdout. These helpers lay a runner environment over process.env and restore it, and capture what
 * the clients print so it neither reaches the test log nor goes unchecked.
 */

/** Sets the variables (keeping the rest of process.env); the returned function restores the old values. */
export function overlayEnv(env: Record<string, string>): () => void {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(env)) {
    previous.set(name, process.env[name]);
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export interface Captured<T> {
  value: T;
  log: string;
}

/** Runs `fn` with process.stdout captured; on failure the error carries the captured log. */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<Captured<T>> {
  const write = process.stdout.write.bind(process.stdout);
  let log = '';
  const capture = (chunk: string | Uint8Array): boolean => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  process.stdout.write = capture;
  try {
    return { value: await fn(), log };
  } catch (error) {
    if (error instanceof Error) error.message += `\n--- client output ---\n${log}`;
    throw error;
  } finally {
    process.stdout.write = write;
  }
}
