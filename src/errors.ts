/**
 * Two kinds of failure, kept apart so a user can tell "fix your input" from "report a bug".
 * Anything thrown still fails the step or the CLI; only the wording and exit code differ.
 */

/** A mistake in what the user gave us: an input, a file, a threshold, a command that failed. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  /** Extra located details (one per line in logs and reports). */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(details.length > 0 ? `${message}\n${details.map((d) => `  - ${d}`).join('\n')}` : message);
    this.details = details;
  }
}

/**
 * A file we cannot use: `not found` (absent; the details say what was expected there) or `invalid
 * content` (there, but of the wrong shape: the details name each bad key path). A missing file is
 * never reported as an invalid one.
 */
export class InputFileError extends UserError {
  override readonly name = 'InputFileError';
  readonly file: string;
  readonly missing: boolean;

  constructor(file: string, problems: readonly string[], { missing = false }: { missing?: boolean } = {}) {
    super(`${file}: ${missing ? 'not found' : 'invalid content'}`, problems);
    this.file = file;
    this.missing = missing;
  }
}

/** The job was cancelled while measuring: what was measured stays on disk for the post step. */
export class CancelledError extends UserError {
  override readonly name = 'CancelledError';
}

/** Something that should not happen whatever the input: a bug in optimization-gate. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A message for any thrown value, including non-Error throws (which must still fail the step). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
