/** Runs the CLI in-process, capturing what it prints (each stream, and both in order). */
import { vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';

export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; both: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const both: string[] = [];
  const into =
    (stream: string[]) =>
    (...parts: unknown[]) => {
      const line = `${parts.join(' ')}\n`;
      stream.push(line);
      both.push(line);
    };
  vi.spyOn(console, 'log').mockImplementation(into(out));
  vi.spyOn(console, 'error').mockImplementation(into(err));
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join(''), both: both.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}
