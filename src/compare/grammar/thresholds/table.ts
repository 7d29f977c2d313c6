/**
 * The markdown-table form: any GFM table whose header has a `Metric` and a `Rule` column (optional
 * `Kind`, `Optional` and `Default`; other columns are notes and ignored). Tables without both columns are
 * ordinary issue content (results, plans) and are not read.
 */
import { problemAt, type Draft, type Field } from './draft.js';
import type { Table, TableRow } from './markdown.js';
import { RULE_EXAMPLES } from './rule.js';
import type { ThresholdProblem } from './types.js';

const COLUMNS = ['metric', 'rule', 'kind', 'optional', 'default'] as const;

/** Index of each known column in the header, by its case-insensitive name; the first one wins. */
export function columnsOf<C extends string>(table: Table, known: readonly C[]): Partial<Record<C, number>> {
  const columns: Partial<Record<C, number>> = {};
  table.header.cells.forEach((cell, index) => {
    const name = cell.text.toLowerCase() as C;
    if (known.includes(name) && columns[name] === undefined) columns[name] = index;
  });
  return columns;
}

export function isThresholdTable(table: Table): boolean {
  const columns = columnsOf(table, COLUMNS);
  return columns.metric !== undefined && columns.rule !== undefined;
}

/** A cell as a field: its text as `raw`, the whole row quoted when it is wrong. */
export function cellField(row: TableRow, index: number | undefined): Field | undefined {
  if (index === undefined) return undefined;
  const cell = row.cells[index];
  return { raw: cell?.text ?? '', line: row.line, text: cell?.raw ?? '' };
}

/** Drafts from every threshold table; rows with neither a metric nor a rule are skipped. */
export function readTables(tables: readonly Table[], problems: ThresholdProblem[]): Draft[] {
  const drafts: Draft[] = [];
  for (const table of tables.filter(isThresholdTable)) {
    const columns = columnsOf(table, COLUMNS);
    for (const row of table.rows) {
      const metric = cellField(row, columns.metric)!;
      const rule = cellField(row, columns.rule)!;
      const metricText = metric.raw as string;
      const ruleText = rule.raw as string;
      if (metricText === '' && ruleText === '') continue;
      const wholeRow = { line: row.line, text: row.raw };
      if (metricText === '') {
        problems.push(problemAt(wholeRow, 'a metric path in the `Metric` column, e.g. `profile.totals.wall_time_s`', 'table'));
        continue;
      }
      if (ruleText === '') {
        problems.push(problemAt(wholeRow, `a rule in the \`Rule\` column, e.g. ${RULE_EXAMPLES}`, 'table'));
        continue;
      }
      const draft: Draft = { metric: { ...metric, raw: metricText }, rule, line: row.line, origin: 'table' };
      const kind = cellField(row, columns.kind);
      const optional = cellField(row, columns.optional);
      const fallback = cellField(row, columns.default);
      if (kind) draft.kind = kind;
      if (optional) draft.optional = optional;
      if (fallback) draft.default = fallback;
      drafts.push(draft);
    }
  }
  return drafts;
}
