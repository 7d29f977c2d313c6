// Regenerates workflows-templates/ (the starter templates for an organization's .github repository)
// with `optimization-gate init --starter-templates`, so they are exactly what init writes; a test
// checks they are in sync. They reference the moving major tag: a commit cannot pin itself.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'og-templates-'));
try {
  execFileSync('git', ['init', '-q', dir]);
  execFileSync(process.execPath, ['dist/cli.js', 'init', '--dir', dir, '--starter-templates', '--ref-style', 'tag', '--action-ref', 'v1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const name of readdirSync(join(dir, 'workflow-templates'))) cpSync(join(dir, 'workflow-templates', name), join('workflows-templates', name));
  console.log('templates: workflows-templates/ regenerated');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
