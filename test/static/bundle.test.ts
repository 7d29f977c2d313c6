/**
 * What each entry of the committed dist/ loads before it runs (itself and its static imports): the
 * post step and the CLI must not load the toolkit or the Azure SDK up front, the main step not the
 * artifact / cache / REST clients (imported when first used). Sizes and times: `npm run bench:startup`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** The files an entry loads at start: it and its static imports, transitively (dynamic `import()` excluded). */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), match[1] as string));
    }
  };
  visit(join(DIST, entry));
  return [...seen];
}

/** The npm packages bundled into those files (esbuild marks each module with a `// node_modules/…` line). */
function packagesIn(files: readonly string[]): string[] {
  const packages = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) packages.add(match[1] as string);
  }
  return [...packages].sort();
}

const kib = (files: readonly string[]): number => files.reduce((sum, f) => sum + readFileSync(f).length, 0) / 1024;

describe('dist/ entries at start', () => {
  it("action.yml's main and post are bundled entries", () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string; post: string } };
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
    expect(existsSync(join(ROOT, action.runs.post))).toBe(true);
  });

  it('the post step loads a few KB of its own code and no package until it has work', () => {
    const files = staticClosure('post.js');
    expect(packagesIn(files)).toEqual([]);
    expect(kib(files)).toBeLessThan(32);
  });

  it('the CLI loads only the command it runs', () => {
    const files = staticClosure('cli.js');
    expect(packagesIn(files)).toEqual([]);
    expect(kib(files)).toBeLessThan(32);
  });

  it('the main step does not load the artifact, cache or REST clients before it uses them', () => {
    const packages = packagesIn(staticClosure('main.js'));
    expect(packages).toContain('@actions/core');
    for (const heavy of ['@actions/artifact', '@actions/cache', '@actions/github', '@azure/storage-blob', '@octokit/core']) expect(packages).not.toContain(heavy);
  });

  it('the check follows static imports: the keep path, which post imports when it has work, brings the toolkit', () => {
    const post = readFileSync(join(DIST, 'post.js'), 'utf8');
    expect(post).toMatch(/import\(["']\.\/chunks\/post-keep-/);
    const keep = /import\(["'](\.\/chunks\/post-keep-[^"']+)["']\)/.exec(post)?.[1] as string;
    expect(packagesIn(staticClosure(keep))).toContain('@actions/core');
  });
});
