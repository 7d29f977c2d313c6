/** Small markdown helpers: tables that cannot be broken by their content, and row limits. */
import { codeSpan } from './escape.js';

/** Text safe inside a table cell: pipes escaped, newlines flattened. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code that survives any run of backticks in the text (names from a run are untrusted). */
export function code(text: string): string {
  return codeSpan(text);
}

export interface TableOptions {
  /** Column alignment, `l` or `r` per column (default left). */
  align?: string;
  /** Rows beyond this are cut, with a note under the table. */
  maxRows?: number;
  /** Where the cut rows can be found, for the note. */
  moreAt?: string;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const align = header.map((_, i) => (options.align?.[i] === 'r' ? '---:' : '---'));
  const shown = options.maxRows !== undefined ? rows.slice(0, options.maxRows) : rows;
  const lines = [`| ${header.map(cell).join(' | ')} |`, `|${align.join('|')}|`, ...shown.map((r) => `| ${r.map(cell).join(' | ')} |`)];
  const cut = rows.length - shown.length;
  if (cut > 0) lines.push('', `_… ${cut} more row${cut === 1 ? '' : 's'} not shown${options.moreAt ? ` (see ${options.moreAt})` : ''}._`);
  return lines.join('\n');
}

/** A collapsible block; GitHub renders the markdown inside when blank lines surround it. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
