import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  pushAll
} from "./chunk-LM6Q56WD.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/init.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, mkdirSync, writeFileSync } from "node:fs";
import { dirname as dirname2, join as join3, resolve as resolve2 } from "node:path";

// src/cli/release-info.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var ACTION_REPO = "optimization-gate/optimization-gate";
var MAJOR_TAG = "v1";
var RELEASE_FILE = "release.json";
var SHA = /^[0-9a-f]{40}$/;
function packageRoot(from = dirname(fileURLToPath(import.meta.url))) {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(join(dir, "action.yml")) && existsSync(pkg) && /"name":\s*"optimization-gate"/.test(readFileSync(pkg, "utf8"))) return dir;
    if (dirname(dir) === dir) throw new UserError("cannot find the optimization-gate package (action.yml beside package.json) above this script");
  }
}
function readReleaseInfo(root) {
  const path = join(root, RELEASE_FILE);
  if (!existsSync(path)) return void 0;
  let data;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UserError(`${path}: not JSON (${error.message})`);
  }
  const { version, sha } = data ?? {};
  if (typeof version !== "string" || !/^v\d+\.\d+\.\d+$/.test(version) || typeof sha !== "string" || !SHA.test(sha)) {
    throw new UserError(`${path}: expected {"version": "vX.Y.Z", "sha": "<40 hex digits>"}`);
  }
  return { version, sha };
}
function resolveActionPin(style, given, release) {
  if (given.ref !== void 0) {
    if (style === "sha" && !SHA.test(given.ref)) {
      throw new UserError(`--action-ref "${given.ref}": expected a full 40-hex commit SHA of ${ACTION_REPO} (or --ref-style tag to use a tag)`);
    }
    const version = given.version ?? (release && release.sha === given.ref ? release.version : void 0);
    return { ref: given.ref, ...version ? { version } : {} };
  }
  if (release) return style === "sha" ? { ref: release.sha, version: release.version } : { ref: release.version };
  if (style === "tag") return { ref: MAJOR_TAG };
  throw new UserError("this copy of optimization-gate has no release stamp (release.json), so the commit to pin the action to is unknown", [
    `pass --action-ref <40-hex SHA> (a release commit of ${ACTION_REPO}, from its releases page) with --action-version vX.Y.Z`,
    `or pass --ref-style tag to reference the moving ${MAJOR_TAG} tag instead of a commit`
  ]);
}
function usesLine(path, pin) {
  const comment = SHA.test(pin.ref) ? ` # ${pin.version ?? "pinned commit"}` : "";
  return `${ACTION_REPO}${path}@${pin.ref}${comment}`;
}

// src/cli/init-render.ts
function scalar(value) {
  const plain = /^[\w./$@+=~-][\w ./$@+=,~-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(value) && !value.endsWith(" ");
  return plain ? value : JSON.stringify(value);
}
var flow = (labels) => `[${labels.map(scalar).join(", ")}]`;
var edit = (o, what, note) => o.edit.has(what) ? ` # EDIT: ${note}` : "";
function header(o, what) {
  const pinned2 = /^[0-9a-f]{40}$/.test(o.pin.ref) ? `pinned to commit ${o.pin.ref}${o.pin.version ? ` (${o.pin.version})` : ""}` : `at ${o.pin.ref}`;
  return [
    `# ${what}`,
    `# Written by \`optimization-gate init\`: runs the optimization-gate action (${pinned2}) on your own runners.`,
    "# Edit freely; `npx optimization-gate init --force` writes it again (e.g. for a newer release)."
  ].join("\n");
}
function matrix(o, sets, indent, note = "the labels of your runner(s), one list per runner") {
  return `${indent}strategy:
${indent}  fail-fast: false
${indent}  matrix:
${indent}    runner: [${sets.map(flow).join(", ")}]${edit(o, "runners", note)}
${indent}runs-on: \${{ matrix.runner }}`;
}
function setupStep(o) {
  const lines = ["      - name: Set up the pipeline", `        uses: ${usesLine("/setup-pipeline", o.pin)}`, "        with:"];
  if (o.pythonVersion) lines.push(`          python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`          venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`          install-command: ${scalar(o.installCommand)}${edit(o, "install", "how your pipeline is installed")}`);
  lines.push("          export-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log");
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  return lines.join("\n");
}
function pipelineInputs(o) {
  const lines = [`          profile-command: ${scalar(o.profileCommand)}${edit(o, "profile", "the pipeline run to profile")}`];
  if (o.experimentCommand) {
    lines.push(`          experiment-command: ${scalar(o.experimentCommand)}${edit(o, "experiment", "the eval run, or remove these two lines")}`);
    lines.push(`          experiment-output: ${scalar(o.experimentOutput ?? "")}${edit(o, "experiment", "where the eval run writes metrics.json")}`);
  }
  if (o.datasetId) lines.push(`          dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`          pipeline-config: |
${o.pipelineConfig.map((p) => `            ${p}`).join("\n")}`);
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  lines.push(
    "          artifact-name: optimization-gate-${{ join(matrix.runner, '-') }}",
    "          # Baselines are kept per runner label set (never per runner name: ephemeral runners change it).",
    "          runner-key: ${{ join(matrix.runner, '-') }}"
  );
  return lines;
}
function measureStep(o, mode, extra) {
  return [
    `      - name: ${mode === "gate" ? "Measure and compare" : "Measure, compare with the previous baseline, store"}`,
    `        uses: ${usesLine("", o.pin)}`,
    "        with:",
    `          mode: ${mode}`,
    ...extra,
    ...pipelineInputs(o)
  ].join("\n");
}
function verdictJob(o, permissions, aggregate, before = [], condition = "!cancelled()") {
  return [
    "  verdict:",
    "    name: verdict",
    "    needs: measure",
    `    if: \${{ ${condition} }}`,
    "    # Reads the runners' artifacts and comments; the first label set runs it.",
    matrix(o, [o.runners[0] ?? ["self-hosted"]], "    ", "the labels of one of your runners"),
    "    timeout-minutes: 15",
    "    permissions:",
    ...permissions.map((p) => `      ${p}`),
    "    steps:",
    ...before,
    "      - name: Combine the runners' verdicts",
    `        uses: ${usesLine("", o.pin)}`,
    "        with:",
    "          mode: aggregate",
    ...aggregate,
    "",
    "      # A runner whose job failed may have left no verdict: never let that pass silently.",
    "      - name: Fail when a measuring job failed",
    "        if: ${{ !cancelled() && needs.measure.result == 'failure' }}",
    "        run: |",
    '          echo "::error title=optimization-gate::At least one measuring job failed; see its log. The verdict above does not cover that runner."',
    "          exit 1"
  ].join("\n");
}
function prTrigger(o) {
  return `on:
  pull_request:
    branches: [${scalar(o.defaultBranch)}]
    types: [opened, synchronize, reopened, ready_for_review]`;
}
var DISPATCH_TRIGGER = `on:
  workflow_dispatch:
    inputs:
      issue-number:
        description: Optimization issue number
        required: true
        type: string
      candidate-ref:
        description: Candidate branch, SHA or refs/pull/N/head (empty for the branch chosen above)
        required: false
        type: string
        default: ""
`;
function measureJob(o, permissions, comment = []) {
  return [
    "  measure:",
    "    name: measure (${{ join(matrix.runner, ' ') }})",
    ...comment,
    matrix(o, o.runners, "    "),
    "    timeout-minutes: 120",
    "    permissions:",
    ...permissions.map((p) => `      ${p}`)
  ].join("\n");
}
var ACTIONS_READ = `actions: read # the runners' artifacts of every attempt of this run ("Re-run failed jobs" keeps the others)`;
function renderPrGate(o) {
  const ref = o.baseline === "ref";
  const baseline = ref ? ["          baseline: ref:${{ github.base_ref }} # measured in the same job; drop this line once the refresh has stored baselines"] : o.baseline === "stored" ? [] : [`          baseline: ${scalar(o.baseline)}`];
  return `${header(o, "Optimization gate: measure each pull request and gate it on the thresholds of its optimization issue.")}
# The pull request links its issue ("Closes #123" or "#123" in its body, or a branch named issue-123-...).
# Make "verdict" a required status check to make the gate binding.
name: Optimization gate

${prTrigger(o)}

permissions: {}

# A new push supersedes the measurement of the previous one.
concurrency:
  group: optimization-gate-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
${measureJob(
    o,
    ["contents: read", "issues: read # the thresholds live in the issue body", "pull-requests: read", "actions: read # `baseline: artifact` and the cache fallback read the refresh run's artifact"],
    [
      "    # Drafts are measured once ready for review. A fork's code never runs on these runners: the verdict",
      "    # job below refuses such a pull request.",
      "    if: ${{ !github.event.pull_request.draft && github.event.pull_request.head.repo.full_name == github.repository }}"
    ]
  )}
    steps:
      - name: Check out the pull request
        uses: actions/checkout@v5
        with:
          fetch-depth: ${ref ? "0 # the base branch is measured from a worktree, which needs the history" : "1"}
          persist-credentials: false

${setupStep(o)}

      # Compares with this runner's baseline; the verdict job decides and comments once for all runners.
${measureStep(o, "gate", [...baseline, ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [], "          fail-on: never", "          comment: none"])}

${verdictJob(
    o,
    ["issues: read", "pull-requests: write # the sticky comment on the pull request", ACTIONS_READ],
    ["          comment: pr", "          fail-on: reject"],
    [
      "      # No code of a fork is checked out here: this only says why nothing was measured.",
      "      - name: Refuse a pull request from a fork",
      "        if: ${{ needs.measure.result == 'skipped' }}",
      "        run: |",
      '          echo "::error title=optimization-gate: fork pull request refused::Pull requests from forks are not measured: their code would run on your runner. Review the change and run the Optimization measurement workflow on refs/pull/<number>/head."',
      "          exit 1",
      ""
    ],
    "!cancelled() && !github.event.pull_request.draft"
  )}
`;
}
function renderDispatch(o) {
  return `${header(o, "Optimization measurement: measure a candidate for an issue and post the comparison on the issue.")}
# Run it from the Actions tab with the issue number.
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

# Measurements of one issue and candidate queue rather than cancel each other: each is a record.
concurrency:
  group: optimization-gate-dispatch-\${{ inputs.issue-number }}-\${{ inputs.candidate-ref || github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ["contents: read", "issues: read # the thresholds live in the issue body", "actions: read"])}
    steps:
      # Whoever dispatches chooses the candidate (dispatching needs write access); review a fork's
      # pull-request head before measuring it: its code runs on your runner.
      - name: Check out the candidate
        uses: actions/checkout@v5
        with:
          ref: \${{ inputs.candidate-ref }}
          fetch-depth: 0 # the default branch is measured from a worktree, which needs the history
          persist-credentials: false

${setupStep(o)}

${measureStep(o, "gate", [
    "          issue-number: ${{ inputs.issue-number }}",
    "          baseline: ref:${{ github.event.repository.default_branch }}",
    ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [],
    "          fail-on: never",
    "          comment: none"
  ])}

${verdictJob(o, ["issues: write # the report comment on the issue", ACTIONS_READ], ["          issue-number: ${{ inputs.issue-number }}", "          comment: issue", "          fail-on: reject"])}
`;
}
function renderRefresh(o) {
  return `${header(o, "Optimization baseline refresh: measure the default branch nightly and store it as each runner's baseline.")}
# What the PR gate compares with when its baseline is the stored one. Drift beyond the bound below is
# reported on the open issue labelled optimization-gate-drift (opened on the first drift).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

# Refreshes queue: each stores a baseline, none may be cut off half-way.
concurrency:
  group: optimization-gate-refresh-\${{ github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ["contents: read", "issues: write # drift is reported on (or opens) the tracking issue", "actions: read"])}
    steps:
      - name: Check out
        uses: actions/checkout@v5
        with:
          persist-credentials: false

${setupStep(o)}

${measureStep(o, "baseline", [
    ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [],
    "          thresholds: |",
    "            thresholds:",
    '              profile.totals.wall_time_s: "<= +10%"',
    '              profile.totals.peak_rss_mb: "<= +10%"',
    "          fail-on: never",
    "          comment: issue"
  ])}

${verdictJob(o, [ACTIONS_READ], ["          comment: none", "          fail-on: never"])}
`;
}

// src/cli/init-reusable.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
var REUSABLE = {
  "pr-gate": { source: "optimization-pr-gate.yml", copy: "reusable-optimization-pr-gate.yml" },
  dispatch: { source: "optimization-dispatch.yml", copy: "reusable-optimization-dispatch.yml" },
  refresh: { source: "baseline-refresh.yml", copy: "reusable-baseline-refresh.yml" },
  commands: { source: "optimization-commands.yml", copy: "reusable-optimization-commands.yml" }
};
var USES = new RegExp(`uses: ${ACTION_REPO.replace("/", "\\/")}(\\/setup-pipeline)?@[^\\s#]+( #[^\\n]*)?`, "g");
function pinReusable(text, pin, note) {
  const pinned2 = text.replace(USES, (_all, path) => `uses: ${usesLine(path === "/setup-pipeline" ? "/setup-pipeline" : "", pin)}`);
  return `# ${note}
${pinned2}`;
}
function reusableCopies(root, pin, which) {
  const note = `Copied by \`optimization-gate init --reusable\` from optimization-gate${pin.version ? ` ${pin.version}` : ""}; callers use it by local path (same repository, so your self-hosted runners may run it).`;
  return which.map((w) => ({
    path: `.github/workflows/${REUSABLE[w].copy}`,
    text: pinReusable(readFileSync2(join2(root, ".github", "workflows", REUSABLE[w].source), "utf8"), pin, note)
  }));
}
function pipelineWith(o) {
  const lines = [`      runners: ${scalar(JSON.stringify(o.runners))}`];
  if (o.pythonVersion) lines.push(`      python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`      venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`      install-command: ${scalar(o.installCommand)}`);
  lines.push(`      profile-command: ${scalar(o.profileCommand)}`);
  if (o.experimentCommand) lines.push(`      experiment-command: ${scalar(o.experimentCommand)}`, `      experiment-output: ${scalar(o.experimentOutput ?? "")}`);
  if (o.datasetId) lines.push(`      dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`      pipeline-config: |
${o.pipelineConfig.map((p) => `        ${p}`).join("\n")}`);
  if (o.repeat) lines.push(`      repeat: ${JSON.stringify(o.repeat)}`);
  if (o.workingDirectory) lines.push(`      working-directory: ${scalar(o.workingDirectory)}`);
  return lines;
}
var SECRETS = "    secrets:\n      pipeline-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log";
function callerPrGate(o) {
  const baseline = o.baseline === "ref" ? ["      baseline: ref:${{ github.base_ref }} # drop once the refresh has stored baselines"] : o.baseline === "stored" ? [] : [`      baseline: ${scalar(o.baseline)}`];
  return `# Optimization gate: calls ./.github/workflows/${REUSABLE["pr-gate"].copy} (written by \`optimization-gate init --reusable\`).
# Make "gate / verdict" a required status check to make the gate binding.
name: Optimization gate

${prTrigger(o)}

permissions: {}

jobs:
  gate:
    if: \${{ !github.event.pull_request.draft }}
    # The most the called workflow's jobs may use; each asks for less.
    permissions:
      contents: read
      issues: read
      pull-requests: write
      actions: read
    uses: ./.github/workflows/${REUSABLE["pr-gate"].copy}
    with:
${[...pipelineWith(o), ...baseline].join("\n")}
${SECRETS}
`;
}
function callerDispatch(o) {
  return `# Optimization measurement: calls ./.github/workflows/${REUSABLE.dispatch.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

jobs:
  measure:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.dispatch.copy}
    with:
      issue-number: \${{ inputs.issue-number }}
      candidate-ref: \${{ inputs.candidate-ref }}
${pipelineWith(o).join("\n")}
${SECRETS}
`;
}
function callerRefresh(o) {
  return `# Optimization baseline refresh: calls ./.github/workflows/${REUSABLE.refresh.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

jobs:
  refresh:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.refresh.copy}
    with:
${pipelineWith(o).join("\n")}
${SECRETS}
`;
}

// src/cli/init-commands.ts
var HEAD = `on:
  issue_comment:
    types: [created]

permissions: {}

# Commands on one issue run one after the other: each answer and record is written in order.
concurrency:
  group: optimization-gate-commands-\${{ github.event.issue.number }}
  cancel-in-progress: false
`;
var PERMISSIONS = `    permissions:
      issues: write # read the issue and its records; answer the command and write the record
      actions: write # \`measure\` dispatches the measurement workflow`;
var IF = `    # The action parses the comment strictly; this only skips the comments that are no command at all
    # (and \`promote\`, answered by the job below with the scopes only it needs).
    if: \${{ startsWith(github.event.comment.body, '/optimization-gate') && !startsWith(github.event.comment.body, '/optimization-gate promote') }}`;
var PROMOTE_IF = `    if: \${{ startsWith(github.event.comment.body, '/optimization-gate promote') }}`;
var PROMOTE_PERMISSIONS = `    permissions:
      issues: write # read the issue and its records; answer, write the promote record, tick the status comment
      actions: read # read the promoted run and download its verdict artifact
      contents: write # the branch with the promoted files (git data API: blobs, tree, commit, ref)
      pull-requests: write # open the pull request with them`;
var CALLER_PERMISSIONS = `    permissions:
      issues: write
      actions: write # the command job dispatches; the promote job only reads
      contents: write # the promote job only
      pull-requests: write # the promote job only`;
var pinned = (o) => /^[0-9a-f]{40}$/.test(o.pin.ref) ? `pinned to commit ${o.pin.ref}${o.pin.version ? ` (${o.pin.version})` : ""}` : `at ${o.pin.ref}`;
function renderCommands(o) {
  return `# Optimization commands: answer \`/optimization-gate measure [ref]\`,
# \`/optimization-gate accept <metric> "<reason>"\` and \`/optimization-gate promote [run id]\` written in a
# comment on an optimization issue.
# Written by \`optimization-gate init\`: runs the optimization-gate action (${pinned(o)}). Only commenters with
# write permission on the repository are served; others get a polite refusal. See docs/commands.md.
name: Optimization commands

${HEAD}
jobs:
  command:
    name: command
${IF}
    # No pipeline code runs here, only API calls: a hosted runner is enough.
    runs-on: ubuntu-latest
    timeout-minutes: 10
${PERMISSIONS}
    steps:
      - name: Answer the command
        uses: ${usesLine("", o.pin)}
        with:
          mode: command
          dispatch-workflow: optimization-dispatch.yml # the measurement workflow \`init\` writes

  promote:
    name: promote
${PROMOTE_IF}
    runs-on: ubuntu-latest
    timeout-minutes: 15
${PROMOTE_PERMISSIONS}
    steps:
      - name: Promote the measured run
        uses: ${usesLine("", o.pin)}
        with:
          mode: command
          # Where the pull request writes the promoted files (\`{issue}\`: the issue number).
          promote-profiles-dir: data/profiles/issue-{issue}
          promote-eval-dir: data/eval/issue-{issue}
`;
}
function callerCommands(copy) {
  return `# Optimization commands: calls ./.github/workflows/${copy} (written by \`optimization-gate init --reusable\`).
name: Optimization commands

${HEAD}
jobs:
  command:
    # The called workflow answers every command (\`promote\` in a job of its own).
    if: \${{ startsWith(github.event.comment.body, '/optimization-gate') }}
${CALLER_PERMISSIONS}
    uses: ./.github/workflows/${copy}
`;
}

// src/cli/init.ts
var NAME = "init";
var SYNOPSIS = "--profile-command CMD [--runner LABELS\u2026] [--install-command CMD] [--experiment-command CMD --experiment-output DIR] [options]";
var OPTIONS = {
  dir: { type: "string", default: ".", description: "root of your repository (a git checkout)" },
  runner: { type: "list", description: "labels of a runner, comma separated (default self-hosted,linux); repeat for several runners" },
  "profile-command": { type: "string", description: "the pipeline command to profile (required)" },
  "install-command": { type: "string", description: "shell command that installs the pipeline" },
  "python-version": { type: "string", description: "Python for actions/setup-python (default: the runner's python3)" },
  venv: { type: "string", description: "virtualenv directory, cached between runs" },
  "experiment-command": { type: "string", description: "the eval command that writes metrics.json" },
  "experiment-output": { type: "string", description: "where the eval command writes its outputs" },
  baseline: { type: "string", default: "ref", description: "PR gate baseline: ref (the base branch, measured in the job), stored (the refresh's), or a source as the action takes it" },
  "dataset-id": { type: "string", description: "dataset id (part of the baseline key)" },
  "pipeline-config": { type: "list", description: "files whose content is part of the baseline key" },
  repeat: { type: "string", description: "measured runs per side" },
  "working-directory": { type: "string", description: "directory the commands run in" },
  schedule: { type: "string", default: "17 3 * * *", description: "cron of the baseline refresh" },
  "default-branch": { type: "string", description: "branch the PR gate guards (default: the repository's)" },
  workflows: { type: "string", default: "pr-gate,dispatch,refresh,commands", description: "which workflows to write" },
  reusable: { type: "boolean", description: "write the reusable workflows and thin callers (same-org use)" },
  "starter-templates": { type: "boolean", description: "write an organization's workflow-templates/ (for its .github repository)" },
  "ref-style": { type: "string", default: "sha", description: "sha (pin a commit, the version in a comment) or tag" },
  "action-ref": { type: "string", description: "commit SHA (or tag with --ref-style tag) of optimization-gate to use" },
  "action-version": { type: "string", description: "the version --action-ref stands for (written beside the SHA)" },
  "dry-run": { type: "boolean", description: "print what would be written; write nothing" },
  force: { type: "boolean", description: "overwrite existing files" },
  help: { type: "boolean", description: "show this help" }
};
var WORKFLOWS = ["pr-gate", "dispatch", "refresh", "commands"];
var FILE = {
  "pr-gate": "optimization-pr-gate.yml",
  dispatch: "optimization-dispatch.yml",
  refresh: "optimization-baseline-refresh.yml",
  commands: "optimization-commands.yml"
};
var PLACEHOLDERS = {
  profile: "python -m your_pipeline --config config/pipeline.yaml",
  install: "pip install -r requirements.txt",
  experiment: "python -m your_pipeline.eval --out out/eval",
  experimentOutput: "out/eval"
};
var TEMPLATE_PROPERTIES = {
  "pr-gate": {
    name: "optimization-gate: PR gate",
    description: "Measure a pull request's ML/LLM pipeline (quality, cost, per-stage time and memory) on your own runners and gate it on the thresholds written on its optimization issue."
  },
  dispatch: {
    name: "optimization-gate: measure for an issue",
    description: "Measure a candidate against the default branch on your own runners and post the comparison on the optimization issue."
  },
  refresh: {
    name: "optimization-gate: baseline refresh",
    description: "Measure the default branch nightly on each runner and store it as the PR gate's baseline; report drift on a tracking issue."
  },
  commands: {
    name: "optimization-gate: commands from comments",
    description: "Answer /optimization-gate measure and accept commands written by maintainers in comments on an optimization issue."
  }
};
function templateProperties(which) {
  const p = TEMPLATE_PROPERTIES[which];
  const json = {
    ...p,
    creator: "optimization-gate",
    iconName: "octicon graph",
    categories: ["Python", "Continuous integration"],
    filePatterns: ["requirements.*\\.txt$", "pyproject\\.toml$", "setup\\.py$"]
  };
  return `${JSON.stringify(json, null, 2)}
`;
}
function git(dir, args) {
  try {
    return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || void 0;
  } catch {
    return void 0;
  }
}
function defaultBranchOf(dir) {
  return git(dir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])?.replace(/^origin\//, "") ?? git(dir, ["symbolic-ref", "--short", "HEAD"]) ?? "main";
}
function planInit(args, root = packageRoot()) {
  const { options: o, positionals } = parseCliArgs(NAME, OPTIONS, args);
  if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}"`, [usage(NAME, SYNOPSIS, OPTIONS)]);
  const dir = resolve2(o.dir);
  const templates = o["starter-templates"];
  if (!existsSync2(join3(dir, ".git"))) throw new UserError(`${NAME}: ${dir} is not the root of a git repository; run init there (or pass --dir)`);
  const style = o["ref-style"];
  if (style !== "sha" && style !== "tag") throw new UserError(`${NAME}: --ref-style expects sha or tag, got "${style}"`);
  const which = o.workflows.split(",").map((w) => w.trim()).filter((w) => w !== "");
  const unknown = which.filter((w) => !WORKFLOWS.includes(w));
  if (which.length === 0 || unknown.length > 0) throw new UserError(`${NAME}: --workflows expects a comma-separated list of ${WORKFLOWS.join(", ")}, got "${o.workflows}"`);
  if (o.reusable && templates) throw new UserError(`${NAME}: --reusable and --starter-templates do not go together (templates are self-contained)`);
  if (!templates && o["profile-command"] === void 0) {
    throw new UserError(`${NAME}: --profile-command is required: the pipeline run to profile, e.g. --profile-command "${PLACEHOLDERS.profile}"`);
  }
  if (o["experiment-command"] === void 0 !== (o["experiment-output"] === void 0) && !templates) {
    throw new UserError(`${NAME}: --experiment-command and --experiment-output go together (the eval run and where it writes metrics.json)`);
  }
  if (o.repeat !== void 0 && !/^\d+$/.test(o.repeat)) throw new UserError(`${NAME}: --repeat expects a whole number, got "${o.repeat}"`);
  const runners = (o.runner.length > 0 ? o.runner : ["self-hosted,linux"]).map(
    (set) => set.split(",").map((l) => l.trim()).filter((l) => l !== "")
  );
  if (runners.some((set) => set.length === 0 || set.some((l) => !/^[\w.-]+$/.test(l)))) {
    throw new UserError(`${NAME}: --runner expects runner labels separated by commas (letters, digits, . _ -), got ${JSON.stringify(o.runner)}`);
  }
  const pin = resolveActionPin(style, { ...o["action-ref"] ? { ref: o["action-ref"] } : {}, ...o["action-version"] ? { version: o["action-version"] } : {} }, readReleaseInfo(root));
  const placeholder = (given, fallback) => given !== void 0 ? given : fallback;
  const options = {
    runners,
    defaultBranch: templates ? "$default-branch" : o["default-branch"] ?? defaultBranchOf(dir),
    ...o["python-version"] ? { pythonVersion: o["python-version"] } : {},
    ...o.venv || templates ? { venv: placeholder(o.venv, ".venv") } : {},
    ...o["install-command"] || templates ? { installCommand: placeholder(o["install-command"], PLACEHOLDERS.install) } : {},
    profileCommand: placeholder(o["profile-command"], PLACEHOLDERS.profile),
    ...o["experiment-command"] || templates ? { experimentCommand: placeholder(o["experiment-command"], PLACEHOLDERS.experiment), experimentOutput: placeholder(o["experiment-output"], PLACEHOLDERS.experimentOutput) } : {},
    baseline: o.baseline,
    ...o["dataset-id"] ? { datasetId: o["dataset-id"] } : {},
    pipelineConfig: o["pipeline-config"],
    ...o.repeat ? { repeat: o.repeat } : {},
    ...o["working-directory"] ? { workingDirectory: o["working-directory"] } : {},
    schedule: o.schedule,
    pin,
    edit: /* @__PURE__ */ new Set()
  };
  if (templates) {
    if (o.runner.length === 0) options.edit.add("runners");
    if (!o["install-command"]) options.edit.add("install");
    if (!o["profile-command"]) options.edit.add("profile");
    if (!o["experiment-command"]) options.edit.add("experiment");
  }
  const chosen = which;
  const files = [];
  const render = { "pr-gate": renderPrGate, dispatch: renderDispatch, refresh: renderRefresh, commands: renderCommands };
  const callers = { "pr-gate": callerPrGate, dispatch: callerDispatch, refresh: callerRefresh, commands: () => callerCommands(REUSABLE.commands.copy) };
  for (const w of chosen) {
    if (templates) {
      files.push({ path: `workflow-templates/${FILE[w]}`, text: render[w](options) }, { path: `workflow-templates/${FILE[w].replace(/\.yml$/, ".properties.json")}`, text: templateProperties(w) });
    } else {
      files.push({ path: `.github/workflows/${FILE[w]}`, text: (o.reusable ? callers : render)[w](options) });
    }
  }
  if (o.reusable) pushAll(files, reusableCopies(root, pin, chosen));
  return { files, options, which: chosen, reusable: o.reusable, dir, dryRun: o["dry-run"], force: o.force };
}
function nextSteps(plan, templates) {
  if (templates) {
    return [
      "Next: commit workflow-templates/ to your organization's .github repository; the workflows then appear under",
      "Actions \u2192 New workflow in its repositories. Lines marked EDIT are what each repository adapts."
    ].join("\n");
  }
  const labels = plan.options.runners.map((set) => set.join(", ")).join(" | ");
  const gate = plan.which.includes("pr-gate");
  return [
    "Next:",
    `1. A runner: register a self-hosted runner (v2.327.1 or later, for the action's Node 24) with the labels ${labels}`,
    "   (repository or organization Settings \u2192 Actions \u2192 Runners). One runner agent per machine.",
    "2. Thresholds: write them on the optimization issue in an ```optimization-gate block (only authors with write access are trusted).",
    "3. Secrets: if the pipeline calls paid APIs, add the repository secret OPTIMIZATION_GATE_ENV (NAME=value lines).",
    "4. Organization policy: if Actions are restricted to allowed actions, allow optimization-gate/optimization-gate/* (Settings \u2192 Actions \u2192 General).",
    `5. Commit and push ${plan.files.map((f) => f.path).join(", ")}.`,
    ...gate ? [`6. Make "${plan.reusable ? "gate / verdict" : "verdict"}" a required status check on ${plan.options.defaultBranch} (branch protection or a ruleset).`] : [],
    ...plan.which.includes("refresh") ? ["7. Run the baseline refresh once by hand (Actions \u2192 Optimization baseline refresh \u2192 Run workflow): the PR gate can then use stored baselines."] : [],
    ...plan.which.includes("commands") ? ["8. Commands: maintainers can comment /optimization-gate measure or accept on the issue (docs/commands.md of optimization-gate)."] : [],
    "Details: docs/github-setup.md of optimization-gate."
  ].join("\n");
}
var initCommand = {
  run(args) {
    if (args.includes("--help")) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    const plan = planInit(args);
    const templates = args.includes("--starter-templates");
    const existing = plan.files.filter((f) => existsSync2(join3(plan.dir, f.path)));
    if (plan.dryRun) {
      for (const f of plan.files) console.log(`--- ${f.path}${existsSync2(join3(plan.dir, f.path)) ? " (exists: --force to overwrite)" : ""}
${f.text}`);
      console.log(`(dry run: nothing written)

${nextSteps(plan, templates)}`);
      return Promise.resolve(0);
    }
    if (existing.length > 0 && !plan.force) {
      throw new UserError(`${NAME}: not overwriting ${existing.map((f) => f.path).join(", ")}`, ["pass --force to overwrite them, or --dry-run to see what would be written"]);
    }
    for (const f of plan.files) {
      const path = join3(plan.dir, f.path);
      mkdirSync(dirname2(path), { recursive: true });
      writeFileSync(path, f.text);
      console.log(`wrote ${f.path}`);
    }
    if (plan.reusable)
      console.log(
        `(the reusable workflows are ${Object.values(REUSABLE).map((r) => r.copy).join(", ")}; the callers use them by local path)`
      );
    console.log(`
${nextSteps(plan, templates)}`);
    return Promise.resolve(0);
  }
};
export {
  TEMPLATE_PROPERTIES,
  initCommand,
  planInit,
  templateProperties
};
