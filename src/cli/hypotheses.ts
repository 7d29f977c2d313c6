/**
 * `optimization-gate hypotheses`: the hypotheses checked against measured runs, before any
 * workflow exists. Prints one line per hypothesis and side ("H1 confirmed: 84.6 % of …"), or the
 * JSON with --json; --out writes hypotheses.json and hypotheses.md. Exit 0 once evaluated (a
 * rejected hypothesis is a finding, not an error), 2 on bad input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateHypotheses, HYPOTHESES_JSON_SCHEMA, hypothesesToJson, renderHypothesesJson } from '../compare/grammar/hypotheses/index.js';
import { formatProblem } from '../compare/grammar/thresholds/index.js';
import type { Side } from '../compare/types.js';
import { errorMessage, UserError } from '../errors.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import { hypothesisLine, renderHypotheses } from '../report/hypotheses.js';
import type { CliCommand } from './command.js';
import { loadSideFromFlags } from './sides.js';
import { readThresholdFiles } from './thresholds.js';

const NAME = 'hypotheses';
const SYNOPSIS = '--issue-file ISSUE.md --profile P.yaml… [--eval DIR…] [--candidate C.yaml… [--eval-candidate DIR…]] [--json] [--out DIR]';
const OPTIONS = {
  'issue-file': { type: 'string', description: 'the optimization issue body (markdown) holding the hypotheses' },
  'thresholds-file': { type: 'string', description: 'inline block YAML (as the action input), merged over the issue' },
  profile: { type: 'list', description: 'profile YAML(s) of the baseline; several are repeated runs' },
  eval: { type: 'list', description: 'eval output dir(s) of those runs: one for all, or one per run' },
  candidate: { type: 'list', description: 'profile YAML(s) of a candidate, evaluated separately' },
  'eval-candidate': { type: 'list', description: 'eval output dir(s) of the candidate' },
  json: { type: 'boolean', description: `print the results as JSON (schema ${HYPOTHESES_JSON_SCHEMA})` },
  out: { type: 'string', description: 'directory for hypotheses.json and hypotheses.md' },
  help: { type: 'boolean', description: 'show this help' },
} as const;

const EXIT_OK = 0;
const EXIT_USER_ERROR = 2;

export const hypothesesCommand: CliCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}" (profiles go after --profile / --candidate)`);
    if (options['issue-file'] === undefined && options['thresholds-file'] === undefined) {
      throw new UserError(`${NAME}: --issue-file is required`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }
    const spec = readThresholdFiles(options['issue-file'], options['thresholds-file']);
    if (spec.problems.length > 0) {
      console.error(`optimization-gate ${NAME}: ${spec.problems.length} problem(s) in the block:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    const hypotheses = spec.hypotheses ?? [];
    if (hypotheses.length === 0) {
      console.error(
        `optimization-gate ${NAME}: no hypotheses found: write them under \`hypotheses:\` in the optimization-gate block, or as a table with \`Hypothesis\` and \`Check\` columns (see docs/hypotheses.md)`,
      );
      return Promise.resolve(EXIT_USER_ERROR);
    }
    const sides: Side[] = [loadSideFromFlags('baseline', options.profile, options.eval, { profiles: '--profile', evalDirs: 'eval' })];
    if (options.candidate.length > 0) {
      sides.push(loadSideFromFlags('candidate', options.candidate, options['eval-candidate'], { profiles: '--candidate', evalDirs: 'eval-candidate' }));
    } else if (options['eval-candidate'].length > 0) {
      throw new UserError(`${NAME}: --eval-candidate needs --candidate profiles`);
    }
    const results = evaluateHypotheses(hypotheses, sides);
    if (options.out !== undefined) {
      const out = resolve(options.out);
      try {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'hypotheses.json'), renderHypothesesJson(results));
        writeFileSync(join(out, 'hypotheses.md'), `${renderHypotheses(results) ?? ''}\n`);
      } catch (error) {
        throw new UserError(`cannot write to --out ${out}: ${errorMessage(error)}`);
      }
    }
    if (options.json) console.log(JSON.stringify({ schema: HYPOTHESES_JSON_SCHEMA, hypotheses: hypothesesToJson(results) }, null, 2));
    else {
      for (const h of results) {
        for (const side of h.sides) {
          console.log(hypothesisLine(h.id, side, sides.length > 1));
          for (const note of side.notes) console.log(`  note: ${note}`);
        }
      }
    }
    return Promise.resolve(EXIT_OK);
  },
};
