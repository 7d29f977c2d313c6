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

/** A file that does not have the shape we need; names the file and each bad key path. */
export class InputFileError extends UserError {
  override readonly name = 'InputFileError';
  readonly file: string;

  constructor(file: string, problems: readonly string[]) {
    super(`${file}: invalid content`, problems);
    this.file = file;
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
