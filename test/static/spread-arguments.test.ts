/**
 * No array spread into a call anywhere in src/: `push(...items)`, `Math.max(...values)` pass every
 * element as an argument and throw RangeError past ~100,000 elements (300,000 stage events in one
 * burst crashed the freeze and orphaned the pipeline). src/collections.ts has the safe helpers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { maxOf, pushAll } from '../../src/collections.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** `file:line: code` of every spread argument (and Function.prototype.apply call) in a source text. */
function spreadArguments(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node): string => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`;
  const visit = (node: ts.Node): void => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) found.push(at(node.parent));
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply') found.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('spread arguments', () => {
  it('are found by the check (a call spread, a constructor spread, apply), array literals are not', () => {
    const text = 'a.push(...xs);\nconst m = Math.max(1, ...ys);\nnew Set(...zs);\nf.apply(null, xs);\nconst ok = [...xs, ...ys];\n';
    expect(spreadArguments('x.ts', text).map((f) => f.split(':').slice(0, 2).join(':'))).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:4']);
  });

  it('appear nowhere in src/', () => {
    const found = sourceFiles(SRC).flatMap((file) => spreadArguments(relative(SRC, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('have safe replacements that take 300,000 elements', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(pushAll([-1], many)).toHaveLength(300_001);
    expect(maxOf(many)).toBe(299_999);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([])).toBe(Math.max());
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });
});
