/**
 * The runner-facing side effects of the action (log, annotations, outputs, state, summary) behind one
 * interface: `coreIO` writes through @actions/core; tests use a recording fake.
 */
import * as core from '@actions/core';

export interface AnnotationLocation {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface ActionIO {
  info(message: string): void;
  warning(message: string, location?: AnnotationLocation): void;
  error(message: string, location?: AnnotationLocation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  setSecret(value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export const coreIO: ActionIO = {
  info: (m) => core.info(m),
  warning: (m, l) => core.warning(m, l),
  error: (m, l) => core.error(m, l),
  group: (name, fn) => core.group(name, fn),
  setOutput: (n, v) => core.setOutput(n, v),
  saveState: (n, v) => core.saveState(n, v),
  getState: (n) => core.getState(n),
  setSecret: (v) => core.setSecret(v),
  appendSummary: async (markdown) => {
    // Without GITHUB_STEP_SUMMARY (local runs) there is no summary to write.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown, true).write();
  },
  setFailed: (m) => core.setFailed(m),
};
