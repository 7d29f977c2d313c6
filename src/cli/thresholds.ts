/**
 * `optimization-gate thresholds --issue-file ISSUE.md [--inline-file F]`: the thresholds as the gate
 * will read them. Prints the parsed set as JSON (exit 0), or every problem on stderr (exit 2).
 */
import { UserError } from '../errors.js';
import { readText } from '../formats/parse.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import { ACCEPTED_FORMS, formatProblem, mergeThresholds, parseInlineThresholds, parseIssueThresholds, type ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import type { CliCommand } from './command.js';

const NAME = 'thresholds';
const SYNOPSIS = '--issue-file ISSUE.md [--inline-file THRESHOLDS.yaml]';
const OPTIONS = {
  'issue-file': { type: 'string', description: 'the issue body (markdown) holding the thresholds' },
  'inline-file': { type: 'string', description: "thresholds as for the action's `thresholds` input (YAML); overrides the issue's" },
  help: { type: 'boolean', description: 'show this help' },
} as const;

/** Exit codes of runCli (src/cli/index.ts); repeated here to keep this module free of an import cycle. */
const EXIT_OK = 0;
const EXIT_USER_ERROR = 2;

export function readThresholdFiles(issueFile: string | undefined, inlineFile: string | undefined): ThresholdSpec {
  const issue = issueFile !== undefined ? parseIssueThresholds(readText(issueFile)) : { thresholds: [], problems: [] };
  if (inlineFile === undefined) return issue;
  return mergeThresholds(issue, parseInlineThresholds(readText(inlineFile)));
}

export const thresholdsCommand: CliCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}"`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    const issueFile = options['issue-file'];
    const inlineFile = options['inline-file'];
    if (issueFile === undefined && inlineFile === undefined) {
      throw new UserError(`${NAME}: --issue-file is required`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }

    const spec = readThresholdFiles(issueFile, inlineFile);
    if (spec.problems.length > 0) {
      const files = [issueFile, inlineFile].filter((f) => f !== undefined).join(' + ');
      const count = spec.problems.length;
      console.error(`optimization-gate ${NAME}: ${count} problem${count === 1 ? '' : 's'} in the thresholds of ${files}:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    if (spec.thresholds.length === 0) {
      console.error(`optimization-gate ${NAME}: ${ACCEPTED_FORMS}`);
      return Promise.resolve(EXIT_USER_ERROR);
    }
    console.log(JSON.stringify(spec, null, 2));
    return Promise.resolve(EXIT_OK);
  },
};
