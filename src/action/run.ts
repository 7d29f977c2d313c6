// Placeholder until the action flow lands (issue 4); never released in this state.
import * as core from '@actions/core';

export async function run(): Promise<void> {
  await Promise.resolve();
  core.setFailed('optimization-gate: the action flow is not implemented yet');
}
