/**
 * Just enough of GitHub-flavoured markdown to find thresholds in an issue body: fenced code blocks
 * (``` or ~~~, CommonMark rules), HTML comments (issue templates hide examples in them) and GFM tables
 * outside both. Line numbers are 1-based lines of the body as given; CRLF counts as one line break.
 */

export interface SourceLine {
  /** 1-based line number in the body. */
  line: number;
  text: string;
}

export interface FencedBlock {
  /** The info string, trimmed (`optimization-gate`, `yaml`, …). */
  info: string;
  /** Line of the opening fence. */
  line: number;
  /** The opening fence line as written, trimmed. */
  fenceText: string;
  /** Content lines with the fence's indentation removed. */
  content: SourceLine[];
  /** False when no closing fence was found before the end of the body. */
  closed: boolean;
}

export interface TableCell {
  /** The cell as written, trimmed (backticks kept). */
  raw: string;
  /** The cell's text: `\|` unescaped, one pair of enclosing backticks and `**`/`__` emphasis removed. */
  text: string;
}

export interface TableRow {
  line: number;
  /** The row as written, trimmed. */
  raw: string;
  cells: TableCell[];
}

export interface Table {
  header: TableRow;
  rows: TableRow[];
}

export interface MarkdownScan {
  fences: FencedBlock[];
  tables: Table[];
}

/** Splits on LF, CRLF or a lone CR; GitHub issue bodies often arrive with CRLF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// Any indentation: a fence inside a list item is indented past CommonMark's 3 spaces, and silently
// missing a thresholds block there would be worse than over-reading a rare indented code block.
const FENCE_OPEN = /^( *)(`{3,}|~{3,})(.*)$/;
const COMMENT_OPEN = /^ {0,3}<!--/;

function isClosingFence(text: string, marker: string): boolean {
  const match = /^ *(`{3,}|~{3,})\s*$/.exec(text);
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** Removes up to `indent` leading spaces, as CommonMark does for the content of an indented fence. */
function dedent(text: string, indent: number): string {
  let i = 0;
  while (i < indent && text[i] === ' ') i++;
  return text.slice(i);
}

/**
 * Walks the body once: fenced blocks are collected, HTML comment blocks skipped, and every other
 * line kept (with its number) for the table search.
 */
export function scanMarkdown(body: string): MarkdownScan {
  const lines = splitLines(body);
  const fences: FencedBlock[] = [];
  const prose: Array<SourceLine | undefined> = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!;
    const open = FENCE_OPEN.exec(text);
    // A backtick fence's info string may not contain a backtick (that is inline code instead).
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      const [, indent, marker] = open as unknown as [string, string, string, string];
      const block: FencedBlock = { info: open[3]!.trim(), line: i + 1, fenceText: text.trim(), content: [], closed: false };
      i++;
      while (i < lines.length && !isClosingFence(lines[i]!, marker)) {
        block.content.push({ line: i + 1, text: dedent(lines[i]!, indent.length) });
        i++;
      }
      block.closed = i < lines.length;
      fences.push(block);
      prose.push(undefined); // a fence breaks any table before it
      i++;
      continue;
    }
    if (COMMENT_OPEN.test(text)) {
      // An HTML block: runs to the line holding `-->`, and GitHub does not render it.
      let closed = text.includes('-->', text.indexOf('<!--') + 4);
      while (!closed && i + 1 < lines.length) closed = lines[++i]!.includes('-->');
      prose.push(undefined);
      i++;
      continue;
    }
    prose.push({ line: i + 1, text });
    i++;
  }
  return { fences, tables: findTables(prose) };
}

/** Splits a table row into cells: `\|` is a literal pipe, leading and trailing pipes are optional. */
export function splitRow(text: string): TableCell[] {
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && row[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells.map((cell) => {
    const raw = cell.trim();
    return { raw, text: cellText(raw) };
  });
}

function runLength(text: string, char: string, fromEnd: boolean): number {
  let n = 0;
  while (n < text.length && text[fromEnd ? text.length - 1 - n : n] === char) n++;
  return n;
}

/**
 * The text inside one pair of enclosing backtick runs (one space of padding dropped on each side), or
 * undefined. Counted, not matched with a backreference regex: that one backtracked cubically on a
 * cell of thousands of backticks (an issue body is untrusted input).
 */
export function unwrapCodeSpan(text: string): string | undefined {
  // The longest run that both opens and closes the cell, as the greedy `(`+)…\1` did.
  const fence = Math.min(runLength(text, '`', false), runLength(text, '`', true), Math.floor(text.length / 2));
  if (fence === 0) return undefined;
  let inner = text.slice(fence, text.length - fence);
  if (/^\s/.test(inner)) inner = inner.slice(1);
  if (/\s$/.test(inner)) inner = inner.slice(0, -1);
  return inner;
}

function cellText(raw: string): string {
  let text = raw.replace(/\\\|/g, '|');
  const emphasis = /^(\*\*|__)(.*)\1$/.exec(text);
  if (emphasis) text = emphasis[2]!.trim();
  text = unwrapCodeSpan(text) ?? text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&le;/g, '≤').replace(/&ge;/g, '≥').trim();
}

const DELIMITER_CELL = /^:?-+:?$/;

function isDelimiterRow(text: string): boolean {
  if (!text.includes('|')) return false;
  const cells = splitRow(text);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.raw));
}

/** A line that starts another block and so ends a table (GFM: otherwise any non-blank line is a row). */
function endsTable(text: string): boolean {
  return text.trim() === '' || /^ {0,3}(#{1,6}(\s|$)|>)/.test(text);
}

function findTables(prose: Array<SourceLine | undefined>): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i + 1 < prose.length) {
    const head = prose[i];
    const delimiter = prose[i + 1];
    if (!head || !delimiter || !head.text.includes('|') || !isDelimiterRow(delimiter.text)) {
      i++;
      continue;
    }
    const headerCells = splitRow(head.text);
    // GFM: the header and the delimiter row must have the same number of cells.
    if (headerCells.length !== splitRow(delimiter.text).length) {
      i++;
      continue;
    }
    const table: Table = { header: { line: head.line, raw: head.text.trim(), cells: headerCells }, rows: [] };
    i += 2;
    while (i < prose.length) {
      const row = prose[i];
      if (!row || endsTable(row.text)) break;
      table.rows.push({ line: row.line, raw: row.text.trim(), cells: splitRow(row.text) });
      i++;
    }
    tables.push(table);
  }
  return tables;
}
