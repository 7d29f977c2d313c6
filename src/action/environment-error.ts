/**
 * Failures of the runner's environment — a full disk, a read-only or foreign-owned folder, too many
 * open files — are the user's to fix, like a bad input: said plainly, never as "internal error
 * (please report it)" with a stack. Told apart by the operating system's error code.
 */
import { errorMessage } from '../errors.js';

const ENVIRONMENT_CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device: free disk space on the runner',
  EDQUOT: 'the disk quota is exceeded: free space on the runner or raise the quota',
  EFBIG: 'a file grew past the size limit of the runner (ulimit -f)',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied: the runner user may not write there',
  EPERM: 'operation not permitted for the runner user',
  EMFILE: 'too many open files in the process (ulimit -n)',
  ENFILE: 'too many open files on the runner',
  ENOMEM: 'the runner is out of memory',
  EIO: 'an input/output error of the device',
  EISDIR: 'a folder stands where a file was expected',
  ERR_FS_EISDIR: 'a folder stands where a file was expected',
  ENOTDIR: 'a file stands where a folder was expected',
  ENAMETOOLONG: 'a path is too long for the file system',
};

/** The step's failure message for an environment error, or undefined when it is something else. */
export function environmentFailure(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? ENVIRONMENT_CODES[code] : undefined;
  return why === undefined ? undefined : `the runner's environment failed: ${why} (${errorMessage(error)})`;
}
