// A stand-in for dist/main.js: uses @actions/core the way the action does, so the harness can be
// checked against the runner protocol without the real action. FAKE_MODE picks a behaviour.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
core.setSecret(core.getInput('token'));
core.startGroup('inputs');
core.info(`mode=${core.getInput('mode')} issue=${core.getInput('issue-number')} event-issue=${event.issue?.number}`);
core.info(`token=${core.getInput('token')}`);
core.endGroup();
core.saveState('started-at', '1700000000');
core.saveState('note', 'multi\nline');

const mode = process.env.FAKE_MODE ?? 'report';
if (mode === 'wait' || mode === 'stubborn') {
  if (mode === 'wait') {
    process.on('SIGINT', () => {
      core.saveState('cancelled', 'SIGINT');
      core.warning('cancelled while measuring');
      process.exit(1);
    });
  } else {
    process.on('SIGINT', () => core.info('ignoring SIGINT'));
    process.on('SIGTERM', () => process.exit(143));
  }
  console.log('ready');
  const stayAlive = () => setTimeout(stayAlive, 1000);
  stayAlive();
} else if (mode === 'flood') {
  // More annotations than the runner keeps, and a summary over its 1 MiB limit.
  for (let i = 1; i <= 12; i++) core.error(`threshold ${i} failed`);
  core.warning('one warning');
  await core.summary.addRaw('x'.repeat(1024 * 1024 + 10)).write();
  core.setFailed('decision reject');
} else {
  core.setOutput('decision', 'reject');
  core.setOutput('report', 'line 1\nline 2');
  core.exportVariable('OG_EXPORTED', 'yes');
  core.addPath('/opt/og/bin');
  await core.summary.addHeading('Gate: reject').addRaw('wall time +3% (limit <= -20%)').write();
  core.debug('debug detail');
  core.warning('baseline from another host', { file: 'profile.yaml', startLine: 3 });
  core.error('threshold line 5: expected OP, got "=<"', { file: '.github/issue-7.md', startLine: 5, startColumn: 2, title: 'a, b: c' });
  core.setFailed('gate: reject');
}
