// Bundles the action's entry points and the CLI into dist/ (committed; CI checks it is in sync).
// `--check`: bundles in memory and compares with dist/ instead (exit 1 naming what differs), so a
// test run can refuse a stale dist/ without touching it.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const check = process.argv.includes('--check');
if (!check) rmSync('dist', { recursive: true, force: true });

const result = await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  write: !check,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Some toolkit dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

if (check) {
  const listed = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listed(join(dir, e.name)) : [join(dir, e.name)])) : []);
  const fresh = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
  const stale = [...fresh].filter(([path, bytes]) => !existsSync(path) || !readFileSync(path).equals(Buffer.from(bytes))).map(([path]) => path);
  const extra = listed('dist').filter((path) => !fresh.has(path));
  if (stale.length > 0 || extra.length > 0) {
    console.error(`dist/ is stale: it is not a build of the current src/ (${[...stale.map((p) => `differs: ${p}`), ...extra.map((p) => `not built: ${p}`)].join(', ')}). Run 'npm run build'.`);
    process.exit(1);
  }
}
