/**
 * The verdict files (gate.json, report.md, run-info.json) as the action wrote them, protected from a
 * measured process that is still around (a detached daemon shares the runner user and knows the
 * output folder from the env it was given):
 * - written fresh: a link or hard link planted at the name is removed first, the file created
 *   exclusively (O_EXCL), so nothing is written through it;
 * - checked against the bytes kept in memory before and after the upload (a rewrite is a fault);
 * - sealed: a second artifact, `<artifact>.seal-<digest>`, names the digest of those bytes. Only the
 *   action can upload artifacts (the measured commands get no runtime token), so `mode: aggregate`
 *   trusts a runner's verdict only when the files it downloads match that digest.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';

export const SEALED_FILES = ['gate.json', 'report.md', 'run-info.json'] as const;
const SEAL_MARK = '.seal-';
const DIGEST_CHARS = 40;

/** Writes `name` in `dir` as a new plain file, whatever stood there; returns the bytes written. */
export function writeResultFile(dir: string, name: string, text: string): Buffer {
  const path = join(dir, name);
  const bytes = Buffer.from(text, 'utf8');
  for (let attempt = 1; ; attempt++) {
    rmSync(path, { force: true, recursive: true });
    try {
      writeFileSync(path, bytes, { flag: 'wx', mode: 0o644 });
      return bytes;
    } catch (error) {
      // Recreated between the removal and the exclusive create: someone else is writing here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt >= 20) {
        throw new UserError(`cannot write ${name} in ${dir}: another process keeps recreating it (a process started by the measured command is still running)`);
      }
    }
  }
}

/** Names of written files whose content on disk is no longer what was written (or no longer a plain file). */
export function alteredFiles(dir: string, written: ReadonlyMap<string, Buffer>): string[] {
  return [...written]
    .filter(([name, bytes]) => {
      const path = join(dir, name);
      try {
        const stat = lstatSync(path);
        return !stat.isFile() || stat.nlink !== 1 || !readFileSync(path).equals(bytes);
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

/** The digest of the sealed files (absent ones count as absent). */
export function sealDigest(files: ReadonlyMap<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const name of SEALED_FILES) {
    const bytes = files.get(name);
    hash.update(`${name}\0${bytes === undefined ? 'absent' : String(bytes.length)}\0`);
    if (bytes !== undefined) hash.update(bytes);
  }
  return hash.digest('hex').slice(0, DIGEST_CHARS);
}

export function sealName(artifactName: string, digest: string): string {
  return `${artifactName}${SEAL_MARK}${digest}`;
}

/** The artifact a seal is for, and the digest it names; undefined for any other artifact. */
export function parseSealName(name: string): { artifact: string; digest: string } | undefined {
  const at = name.lastIndexOf(SEAL_MARK);
  const digest = at > 0 ? name.slice(at + SEAL_MARK.length) : '';
  return /^[0-9a-f]{40}$/.test(digest) ? { artifact: name.slice(0, at), digest } : undefined;
}

/** The seal artifact's one file, in a folder of its own (never inside a store the cache saves). */
export function sealFile(artifactName: string, files: ReadonlyMap<string, Buffer>): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'og-seal-'));
  const path = join(dir, 'seal.json');
  const digests = Object.fromEntries([...files].map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
  writeFileSync(path, `${JSON.stringify({ schema: 'optimization-gate/seal@1', artifact: artifactName, files: digests }, null, 2)}\n`);
  return { dir, path };
}

/** Why the files downloaded into `dir` are none of the ones sealed under `digests` (undefined when they are). */
export function sealMismatch(dir: string, digests: string | ReadonlySet<string> | undefined): string | undefined {
  const known = typeof digests === 'string' ? new Set([digests]) : digests;
  if (known === undefined || known.size === 0) return 'no seal: this verdict was not uploaded by a completed run of the action';
  const files = new Map<string, Buffer>();
  for (const name of SEALED_FILES) if (existsSync(join(dir, name))) files.set(name, readFileSync(join(dir, name)));
  return known.has(sealDigest(files)) ? undefined : 'its files differ from the ones the action sealed: altered after the verdict';
}
