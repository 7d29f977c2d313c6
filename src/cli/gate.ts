/**
 * `optimization-gate gate`: reads the thresholds from the issue (and/or a thresholds file), loads
 * both sides, decides, and writes `gate.json` + `report.md`. Exit 0 when the decision passes
 * `--fail-on`, 1 when it does not, 2 on bad input — in which case both files are still written
 * (when `--out` is known) so the report shows what was wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diffSides, type Diff } from '../compare/verdicts/diff.js';
import { FAIL_ON_VALUES, type FailOn } from '../compare/verdicts/decision.js';
import { evaluateGate, inputErrorResult, type GateResult } from '../compare/verdicts/gate.js';
import { renderGateJson } from '../compare/verdicts/gate-json.js';
import { formatProblem, type ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import { errorMessage, isUserError, UserError } from '../errors.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import { renderReport } from '../report/report.js';
import { hypothesisLine } from '../report/hypotheses.js';
import type { CliCommand } from './command.js';
import { loadSideFromFlags } from './sides.js';
import { readThresholdFiles } from './thresholds.js';

// The exit codes of src/cli/index.ts (not imported: index.ts imports every command).
const EXIT_OK = 0;
const EXIT_GATE_FAILED = 1;
const EXIT_USER_ERROR = 2;

const NAME = 'gate';
const SYNOPSIS = '--issue-file ISSUE.md --baseline B.yaml… --candidate C.yaml… --out DIR [options]';
const OPTIONS = {
  'issue-file': { type: 'string', description: 'the optimization issue body (markdown) holding the thresholds' },
  'thresholds-file': { type: 'string', description: 'inline thresholds in the block syntax (a thresholds: mapping), merged over the issue' },
  baseline: { type: 'list', description: 'baseline profile YAML(s); several are repeated runs' },
  candidate: { type: 'list', description: 'candidate profile YAML(s); several are repeated runs' },
  'eval-baseline': { type: 'list', description: 'eval output dir(s) of the baseline: one for all runs, or one per run' },
  'eval-candidate': { type: 'list', description: 'eval output dir(s) of the candidate: one for all runs, or one per run' },
  'fail-on': { type: 'string', default: 'reject', description: `decision that fails: ${FAIL_ON_VALUES.join(' | ')}` },
  out: { type: 'string', description: 'directory for gate.json and report.md' },
  'artifact-url': { type: 'string', description: 'link to the artifacts, shown in the report' },
  'run-url': { type: 'string', description: 'link to the workflow run, shown in the report' },
  help: { type: 'boolean', description: 'show this help' },
} as const;

function isFailOn(value: string): value is FailOn {
  return (FAIL_ON_VALUES as readonly string[]).includes(value);
}

/** The thresholds from the issue and/or the thresholds file (merged over the issue's, as the action input is). */
function readSpec(issueFile: string | undefined, thresholdsFile: string | undefined): ThresholdSpec {
  if (issueFile === undefined && thresholdsFile === undefined) {
    throw new UserError('no thresholds: give --issue-file ISSUE.md and/or --thresholds-file FILE');
  }
  return readThresholdFiles(issueFile, thresholdsFile);
}

/** Runs `load`, turning a user mistake into a message (collected so every bad input is reported at once). */
function attempt<T>(errors: string[], load: () => T): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!isUserError(error)) throw error;
    errors.push(errorMessage(error));
    return undefined;
  }
}

interface Written {
  reportPath: string;
  jsonPath: string;
}

function writeOutputs(out: string, result: GateResult, diff: Diff | undefined, links: { artifactUrl?: string; runUrl?: string }): Written {
  try {
    mkdirSync(out, { recursive: true });
    const jsonPath = join(out, 'gate.json');
    const reportPath = join(out, 'report.md');
    writeFileSync(jsonPath, renderGateJson(result));
    writeFileSync(reportPath, renderReport(result, diff, links));
    return { reportPath, jsonPath };
  } catch (error) {
    throw new UserError(`cannot write to --out ${out}: ${errorMessage(error)}`);
  }
}

export const gateCommand: CliCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    const out = options.out;
    if (out === undefined) throw new UserError(`--out DIR is required (where gate.json and report.md go); see \`optimization-gate ${NAME} --help\``);
    const failOnText = options['fail-on'];
    const failOn: FailOn = isFailOn(failOnText) ? failOnText : 'reject';
    const links = {
      ...(options['artifact-url'] !== undefined ? { artifactUrl: options['artifact-url'] } : {}),
      ...(options['run-url'] !== undefined ? { runUrl: options['run-url'] } : {}),
    };

    const errors: string[] = [];
    if (!isFailOn(failOnText)) errors.push(`--fail-on expects ${FAIL_ON_VALUES.join(', ')}, got "${failOnText}"`);
    if (positionals.length > 0) errors.push(`unexpected argument${positionals.length > 1 ? 's' : ''}: ${positionals.join(' ')} (profiles go after --baseline / --candidate)`);
    const spec = attempt(errors, () => readSpec(options['issue-file'], options['thresholds-file']));
    const baseline = attempt(errors, () => loadSideFromFlags('baseline', options.baseline, options['eval-baseline'], { profiles: '--baseline', evalDirs: 'eval-baseline' }));
    const candidate = attempt(errors, () => loadSideFromFlags('candidate', options.candidate, options['eval-candidate'], { profiles: '--candidate', evalDirs: 'eval-candidate' }));

    let result: GateResult;
    let diff: Diff | undefined;
    if (errors.length > 0 || !spec || !baseline || !candidate) {
      result = inputErrorResult(errors, failOn, spec);
    } else {
      result = evaluateGate(spec, baseline, candidate, { failOn });
      diff = diffSides(baseline, candidate);
    }
    const written = writeOutputs(resolve(out), result, diff, links);

    const badInput = result.problems.length > 0 || result.inputErrors.length > 0;
    for (const line of [...errors, ...result.problems.map(formatProblem)]) console.error(`error: ${line}`);
    console.log(`decision: ${result.decision} (fail-on ${failOn}: ${result.passed ? 'passes' : 'fails'})`);
    for (const h of result.hypotheses) for (const side of h.sides) console.log(hypothesisLine(h.id, side, true));
    console.log(`report: ${written.reportPath}`);
    console.log(`gate.json: ${written.jsonPath}`);
    return Promise.resolve(badInput ? EXIT_USER_ERROR : result.passed ? EXIT_OK : EXIT_GATE_FAILED);
  },
};
