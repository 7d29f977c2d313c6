// release.yml's check of a release commit (see pin-release.mjs): release.json names this tag and
// a commit P; the action's code at P is the code of this commit; every `uses:` of the action in the
// reusable workflows is P with the version beside it. Without that, `init` or a pinned caller would
// run something other than the release.
//   node scripts/check-release.mjs vX.Y.Z
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pinWorkflow, REUSABLE_WORKFLOWS } from './pin-release.mjs';

/** What is wrong with the release commit checked out in the current directory (empty: nothing). */
export function releaseProblems(tag, { read = (f) => readFileSync(f, 'utf8'), exists = existsSync, git = (...a) => execFileSync('git', a, { encoding: 'utf8' }) } = {}) {
  if (!exists('release.json')) return ['release.json is missing: run `npm run pin-release -- ' + tag + '` on the release commit and commit the result'];
  let release;
  try {
    release = JSON.parse(read('release.json'));
  } catch (error) {
    return [`release.json is not JSON: ${error.message}`];
  }
  const problems = [];
  if (release.version !== tag) problems.push(`release.json names ${release.version}, the release is ${tag}`);
  if (!/^[0-9a-f]{40}$/.test(release.sha ?? '')) return [...problems, 'release.json: sha is not a full commit SHA'];
  try {
    git('cat-file', '-e', `${release.sha}^{commit}`);
    git('diff', '--quiet', release.sha, 'HEAD', '--', 'dist', 'action.yml', 'setup-pipeline');
  } catch {
    problems.push(`the action at ${release.sha} (dist/, action.yml, setup-pipeline/) differs from this commit's, or that commit is not in the history`);
  }
  for (const file of REUSABLE_WORKFLOWS) {
    const text = read(file);
    if (pinWorkflow(text, release.sha, tag) !== text) problems.push(`${file}: the action is not pinned to ${release.sha} # ${tag}`);
  }
  return problems;
}

if (process.argv[1]?.endsWith('check-release.mjs')) {
  const problems = releaseProblems(process.argv[2] ?? '');
  for (const p of problems) console.log(`::error title=release check::${p}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
