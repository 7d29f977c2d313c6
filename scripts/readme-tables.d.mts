// Types of readme-tables.mjs, for the test that keeps README.md in sync.
export interface TableSpec {
  name: string;
  file: string;
  section: 'action-inputs' | 'action-outputs' | 'workflow';
}

export const TABLES: readonly TableSpec[];

export function renderTable(table: TableSpec, yamlText: string): string;

export function updateReadme(readme: string, readFile: (file: string) => string): { text: string; problems: string[] };
