/**
 * The post step (`post-if: always()`). Most jobs leave it nothing to do (main completed and
 * uploaded, or measured nothing): that is decided from the saved state and a directory listing
 * alone, so such a post step loads a few KB and no toolkit. When main did not complete, or its
 * upload failed, post-keep.ts is loaded to stop the tree, rebuild and upload.
 */
import { existsSync } from 'node:fs';
import { EOL } from 'node:os';
import { errorMessage } from '../errors.js';
import { State } from '../inputs/constants.js';
import { filesUnder } from './output-files.js';
import type { PostDeps } from './post-keep.js';

/** Saved state as the runner gives it to a post step (STATE_<name>), and a plain log line. */
const runnerState = (name: string): string => process.env[`STATE_${name}`] ?? '';
const logLine = (message: string): void => void process.stdout.write(`${message}${EOL}`);

export async function runPost(overrides: Partial<PostDeps> = {}): Promise<void> {
  const getState = overrides.io ? (name: string) => overrides.io?.getState(name) ?? '' : runnerState;
  try {
    const outDir = getState(State.OutputDir);
    const completed = getState(State.Completed) === 'true';
    if (completed && getState(State.ArtifactUploaded) === 'true') return;
    if (!outDir || !existsSync(outDir) || filesUnder(outDir).length === 0) {
      (overrides.io ? overrides.io.info.bind(overrides.io) : logLine)('optimization-gate post: the main step measured nothing; nothing to keep');
      return;
    }
    const { defaultPostDeps, keepWhatWasMeasured } = await import('./post-keep.js');
    await keepWhatWasMeasured(outDir, completed, { ...defaultPostDeps, ...overrides });
  } catch (error) {
    // The post step reports but does not hide the main step's own failure.
    const io = overrides.io ?? (await import('../publish/io.js')).coreIO;
    io.setFailed(`optimization-gate post: ${errorMessage(error)}`);
  }
}
