// Prepares a release commit. A commit cannot name its own SHA, so a release is two commits: the
// release's code (HEAD when this runs, commit P), then the commit this script prepares, which
// records P in release.json (what `optimization-gate init` pins) and pins the action inside the
// reusable workflows to P — so a caller who pins a workflow to a release runs that release's action,
// never a moving tag. release.yml checks both before it moves the major tag.
//   npm run pin-release -- v1.2.3
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const REUSABLE_WORKFLOWS = ['.github/workflows/optimization-pr-gate.yml', '.github/workflows/optimization-dispatch.yml', '.github/workflows/baseline-refresh.yml'];
const USES = /uses: optimization-gate\/optimization-gate(\/setup-pipeline)?@[^\s#]+( #[^\n]*)?/g;

/** The workflow text with every `uses:` of our action and setup action pinned to `sha`, the version beside it. */
export function pinWorkflow(text, sha, version) {
  return text.replace(USES, (_all, path) => `uses: optimization-gate/optimization-gate${path ?? ''}@${sha} # ${version}`);
}

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

if (process.argv[1]?.endsWith('pin-release.mjs')) {
  const version = process.argv[2] ?? '';
  if (!/^v\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: npm run pin-release -- vX.Y.Z');
    process.exit(2);
  }
  if (git('status', '--porcelain') !== '') {
    console.error('pin-release: the working tree is not clean; commit the release first (its commit is what gets pinned)');
    process.exit(2);
  }
  const sha = git('rev-parse', 'HEAD');
  for (const file of REUSABLE_WORKFLOWS) writeFileSync(file, pinWorkflow(readFileSync(file, 'utf8'), sha, version));
  writeFileSync('release.json', `${JSON.stringify({ version, sha }, null, 2)}\n`);
  console.log(`pinned ${version} to ${sha} in release.json and ${REUSABLE_WORKFLOWS.join(', ')}.`);
  console.log(`Next: git commit -am "Release ${version}: pin ${sha.slice(0, 7)}" && git tag ${version} && git push --follow-tags, then publish the release ${version}.`);
}
