/** Reading a data file into a value, with errors that name the file and the line. */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { InputFileError } from '../errors.js';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(file, [code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? 'unknown error'})`]);
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
