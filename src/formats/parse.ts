/** Reading a data file into a value, with errors that name the file and the line. */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { InputFileError } from '../errors.js';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError(file, [], { missing: true });
    throw new InputFileError(file, [`cannot read (${code ?? 'unknown error'})`]);
  }
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(file, [`not valid JSON: ${(error as Error).message}`]);
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
