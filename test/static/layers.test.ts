/**
 * The layer rules (eslint.layers.js) can fail: small bad files in a scratch project, linted with the
 * very blocks eslint.config.js uses, each break one rule of docs/ARCHITECTURE.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layersAt } from '../../eslint.layers.js';

let root: string;
const files: Record<string, string> = {
  'src/formats/profile.ts': 'export const p = 1;\n',
  'src/formats/parse.ts': "import { readFileSync } from 'node:fs';\nexport const read = (f: string) => readFileSync(f, 'utf8');\n",
  'src/formats/up.ts': "import { d } from '../compare/verdicts/diff.js';\nexport const u = d;\n",
  'src/compare/verdicts/diff.ts': "import { p } from '../formats/profile.js';\nexport const d = p;\n",
  'src/compare/reads.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'src/compare/runs.ts': "import { execFileSync } from 'child_process';\nexport const x = execFileSync;\n",
  'src/report/core.ts': "import * as core from '@actions/core';\nexport const c = core;\n",
  'src/measure/freeze.ts': "import { d } from '../compare/verdicts/diff.js';\nexport const f = d;\n",
  'src/measure/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/measure/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'src/action/run.ts': "import { d } from '../compare/verdicts/diff.js';\nimport { f } from '../measure/freeze.js';\nexport const run = [d, f];\n",
};

async function lint(): Promise<Map<string, string[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layersAt(root)],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return new Map(results.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => m.ruleId ?? m.message)]));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true }, include: ['src'] }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the layers are lint rules that fail on a violation', () => {
  it('flags each broken rule in its file and leaves the allowed imports alone', async () => {
    const found = await lint();
    expect(found.get('src/formats/up.ts')).toContain('import-x/no-restricted-paths');
    expect(found.get('src/measure/freeze.ts')).toContain('import-x/no-restricted-paths');
    expect(found.get('src/compare/reads.ts')).toEqual(['no-restricted-imports']);
    expect(found.get('src/compare/runs.ts')).toEqual(['no-restricted-imports']);
    expect(found.get('src/report/core.ts')).toEqual(['no-restricted-imports']);
    expect(found.get('src/measure/a.ts')).toEqual(['import-x/no-cycle']);
    expect(found.get('src/measure/b.ts')).toEqual(['import-x/no-cycle']);
    // Allowed: compare reads formats, the action orchestrates, parse.ts reads files.
    expect(found.get('src/compare/verdicts/diff.ts')).toEqual([]);
    expect(found.get('src/action/run.ts')).toEqual([]);
    expect(found.get('src/formats/parse.ts')).toEqual([]);
  }, 60_000);
});
