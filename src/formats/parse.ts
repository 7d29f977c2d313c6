/** Reading a data file into a value, with errors that name the file and the line. */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parseDocument } from 'yaml';
import { InputFileError } from '../errors.js';

function unreadable(file: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputFileError(file, [], { missing: true });
  return new InputFileError(file, [`cannot read (${code ?? 'unknown error'})`]);
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * The lines of a file, read in chunks (memory stays bounded however long the file is); the last
 * line is yielded even without a newline. A file being appended to is read up to where it ended.
 */
export function* readLines(file: string, chunkBytes = 1024 * 1024): Generator<string, void, undefined> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    for (;;) {
      let length: number;
      try {
        length = readSync(fd, buffer, 0, chunkBytes, null);
      } catch (error) {
        throw unreadable(file, error);
      }
      if (length <= 0) break;
      const text = pending + decoder.write(buffer.subarray(0, length));
      let at = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', at)) {
        yield text.slice(at, newline);
        at = newline + 1;
      }
      pending = text.slice(at);
    }
    yield pending + decoder.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Where JSON.parse stopped, as a line and column; never its message, which quotes the file's text
 * (a file named by a forged manifest could be any file of the runner, and errors reach comments).
 */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (/end of (JSON )?input|Unterminated/i.test(message)) return ' (it ends too early)';
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(file, [`not valid JSON${jsonErrorPlace(text, error)}`]);
  }
}

export function parseYamlText(text: string, file: string): unknown {
  // Parse errors carry a line number; report every one of them together.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputFileError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0] ?? e.message}`),
    );
  }
  return doc.toJS() as unknown;
}

export function readJson(file: string): unknown {
  return parseJsonText(readText(file), file);
}

export function readYaml(file: string): unknown {
  return parseYamlText(readText(file), file);
}
