// Types of reference-tables.mjs, for the test that keeps docs/reference.md in sync.
export interface TableSpec {
  name: string;
  file: string;
  section: 'action-inputs' | 'action-outputs' | 'workflow';
}

export const TABLES: readonly TableSpec[];

export function renderTable(table: TableSpec, yamlText: string): string;

export const REFERENCE: string;

export function updateTables(page: string, readFile: (file: string) => string): { text: string; problems: string[] };
