/**
 * action.yml's defaults are what the runner passes; the config module has its own fallbacks for the
 * CLI and tests. They must be the same: a config read with every input empty equals one read with
 * action.yml's defaults filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionConfig } from '../../src/inputs/config.js';
import { Inputs } from '../../src/inputs/constants.js';
import { actionInputs } from './drift.js';
import { REPO_ROOT, parseYamlFile } from './yaml-file.js';

const action = parseYamlFile('action.yml', 'action', readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
const inputs = actionInputs(action);
// Inputs that must be given for the config to be valid at all; not defaults under test.
const REQUIRED_FOR_A_VALID_CONFIG: Record<string, string> = { [Inputs.ProfileCommand]: 'python3 pipeline.py' };
// A default the runner evaluates (`${{ github.token }}`) has no literal counterpart in the config module.
const literalDefault = (name: string) => {
  const value = (inputs.get(name)?.default ?? '').trim();
  return value.includes('${{') ? '' : value;
};

describe("action.yml's defaults", () => {
  it('name every input the config module reads, and nothing else', () => {
    expect([...inputs.keys()].sort()).toEqual(Object.values(Inputs).sort());
  });

  it('equal the config module’s own fallbacks', () => {
    const empty = (name: string) => REQUIRED_FOR_A_VALID_CONFIG[name] ?? '';
    const fromActionYml = (name: string) => REQUIRED_FOR_A_VALID_CONFIG[name] ?? literalDefault(name);
    expect(readActionConfig(fromActionYml)).toEqual(readActionConfig(empty));
  });

  it('would notice a default that drifted', () => {
    const drifted = (name: string) => (name === Inputs.Warmup ? '3' : (REQUIRED_FOR_A_VALID_CONFIG[name] ?? literalDefault(name)));
    expect(readActionConfig(drifted)).not.toEqual(readActionConfig((name) => REQUIRED_FOR_A_VALID_CONFIG[name] ?? ''));
  });
});
