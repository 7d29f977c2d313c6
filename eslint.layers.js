// @ts-check
/**
 * The layers of docs/ARCHITECTURE.md as lint rules: what each folder of src/ may import, which
 * side effects it may reach (node's IO modules, the GitHub toolkit), and no import cycles.
 * test/static/layers.test.ts lints small bad files with these blocks to show they fail.
 */
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';

/** Node modules that touch the world: files, processes, network, the machine. */
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'os', 'net', 'http', 'https', 'worker_threads', 'cluster', 'dgram'].flatMap((m) => [m, `node:${m}`]);
const TOOLKIT = ['@actions/*', '@octokit/*', 'pidusage'];

/** Which folders each folder may not import (the flow: inputs → measure → compare → report → publish; action and cli orchestrate). */
const MAY_NOT_IMPORT = {
  formats: ['inputs', 'measure', 'compare', 'report', 'publish', 'action', 'cli'],
  compare: ['inputs', 'measure', 'report', 'publish', 'action', 'cli'],
  report: ['inputs', 'measure', 'publish', 'action', 'cli'],
  measure: ['compare', 'report', 'publish', 'action', 'cli'],
  inputs: ['report', 'publish', 'action', 'cli'],
  publish: ['measure', 'compare', 'report', 'action', 'cli'],
  action: ['cli'],
  cli: ['action'],
};

/** Folders with no side effects at all, and the files of a folder allowed to read files. */
const PURE = {
  compare: [],
  report: [],
  formats: ['src/formats/parse.ts', 'src/formats/loaders.ts', 'src/formats/eval-dir.ts'],
};

/** @param {string[]} names @param {string} why */
function restricted(names, why) {
  return {
    paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message: why })),
    patterns: names.filter((n) => n.includes('*')).map((n) => ({ group: [n], message: why })),
  };
}

/**
 * The blocks, with folder paths resolved from `basePath` (the repository root).
 * @param {string} basePath
 * @returns {import('eslint').Linter.Config[]}
 */
export function layersAt(basePath) {
  return [
    {
      files: ['src/**/*.ts'],
      plugins: { 'import-x': /** @type {any} */ (importX) },
      settings: {
        'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
        // Without these, import-x skips .ts files when it follows imports (no cycle would be seen).
        'import-x/extensions': ['.ts', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      },
      rules: {
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
        'import-x/no-restricted-paths': [
          'error',
          {
            basePath,
            zones: Object.entries(MAY_NOT_IMPORT).map(([folder, banned]) => ({
              target: `./src/${folder}`,
              from: banned.map((b) => `./src/${b}`),
              message: `src/${folder}/ may not import ${banned.map((b) => `src/${b}/`).join(', ')} (docs/ARCHITECTURE.md)`,
            })),
          },
        ],
      },
    },
    ...Object.entries(PURE).map(([folder, readers]) => ({
      files: [`src/${folder}/**/*.ts`],
      ignores: readers,
      rules: {
        'no-restricted-imports': ['error', restricted([...IO_MODULES, ...TOOLKIT], `src/${folder}/ has no side effects (docs/ARCHITECTURE.md): take data, return data`)],
      },
    })),
    {
      files: PURE.formats.filter((f) => f.startsWith('src/formats/')),
      rules: {
        'no-restricted-imports': ['error', restricted([...IO_MODULES.filter((m) => !/^(node:)?fs$/.test(m)), ...TOOLKIT], 'src/formats/ only reads files (docs/ARCHITECTURE.md)')],
      },
    },
    {
      files: ['src/measure/**/*.ts', 'src/inputs/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', restricted(['@actions/*', '@octokit/*'], 'only src/publish/ and src/action/ talk to GitHub (docs/ARCHITECTURE.md)')],
      },
    },
  ];
}

export const layers = layersAt(import.meta.dirname);
