// Bundles the action's entry points and the CLI into dist/ (committed; CI checks it is in sync).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
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
