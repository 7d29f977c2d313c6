import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  BASE_WORKTREE_DIR,
  RUN_INFO_FILE,
  coreIO,
  create,
  createArtifactStore,
  createCacheStore,
  filesUnder,
  getInput,
  getOctokit,
  setProfileOutputs,
  writeRunInfo
} from "./chunks/chunk-2VZAWSOQ.js";
import {
  ACCEPTED_FORMS,
  DEFAULT_MEASURE_REPEAT,
  DEFAULT_REPEAT,
  code,
  costPerRun,
  describePlan,
  details,
  diffSides,
  evaluateGate,
  evaluateHypotheses,
  formatProblem,
  formatValue,
  hypothesisLine,
  inputErrorResult,
  isDecision,
  median,
  mergeThresholds,
  metricUnit,
  mostRuns,
  nextConfirmation,
  parseInlineThresholds,
  parseIssueThresholds,
  passesFailOn,
  planRuns,
  plannedRuns,
  readActionConfig,
  renderGateJson,
  renderHypotheses,
  renderHypothesesJson,
  renderReport,
  spendNote,
  suggestRepeat,
  table,
  usd
} from "./chunks/chunk-WHSVRMML.js";
import {
  CancelledError,
  EVAL_METRICS_FILE,
  InputFileError,
  Outputs,
  PIPELINE_METRICS_FILE,
  PROFILE_OUTPUT_ENV,
  STICKY_MARKER_PREFIX,
  State,
  UserError,
  errorMessage,
  freeze,
  isObject,
  isUserError,
  loadMeasuredRun,
  processCommandRunner,
  profileStem,
  readJson,
  runExternalFreeze,
  stageTruthPathFor,
  validatePipelineMetrics
} from "./chunks/chunk-NGYKGLHF.js";

// src/action/run.ts
import { mkdirSync as mkdirSync5 } from "node:fs";
import { hostname as hostname2, tmpdir } from "node:os";
import { join as join12, resolve as resolve6 } from "node:path";

// src/publish/retry.ts
var DEFAULT_RETRY = { retries: 4, baseDelayMs: 1e3, maxDelayMs: 12e4 };
var realSleep = (ms) => new Promise((resolve7) => setTimeout(resolve7, ms));
function header(error, name) {
  const value = error.response?.headers?.[name];
  return value === void 0 ? void 0 : String(value);
}
function retryDelayMs(error, attempt, policy, nowMs) {
  const e = error;
  const status = e?.status;
  if (typeof status !== "number") return void 0;
  const rateLimited = status === 403 && header(e, "x-ratelimit-remaining") === "0";
  if (!(status >= 500 || status === 429 || rateLimited)) return void 0;
  const retryAfter = header(e, "retry-after");
  if (retryAfter !== void 0) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1e3 : Date.parse(retryAfter) - nowMs;
    if (Number.isFinite(ms)) return ms > policy.maxDelayMs ? void 0 : Math.max(0, ms);
  }
  const reset = header(e, "x-ratelimit-reset");
  if (rateLimited && reset !== void 0 && Number.isFinite(Number(reset))) {
    const ms = Number(reset) * 1e3 - nowMs;
    return ms > policy.maxDelayMs ? void 0 : Math.max(0, ms);
  }
  return policy.baseDelayMs * 2 ** attempt;
}
async function withRetry(call, { policy = DEFAULT_RETRY, sleep = realSleep, now = Date.now, onRetry } = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < policy.retries ? retryDelayMs(error, attempt, policy, now()) : void 0;
      if (delay === void 0) throw error;
      onRetry?.(error, attempt + 1, delay);
      await sleep(delay);
    }
  }
}

// src/publish/github.ts
function explain(error, what) {
  const status = error.status;
  if (status === 401) return new UserError(`GitHub API: ${what} was refused (401): the token is invalid or expired`);
  if (status === 403) {
    return new UserError(`GitHub API: ${what} was refused (403): the token lacks a permission`, [
      "give the job `issues: write` (comments on issues), `pull-requests: write` (PR comments), `actions: read` (artifacts of other runs)"
    ]);
  }
  if (status === 404) return new UserError(`GitHub API: ${what}: not found (404)`);
  return error;
}
function createGitHubApi({ token, owner, repo, baseUrl, retry, sleep, log }) {
  const octokit = getOctokit(token, baseUrl ? { baseUrl } : {});
  const call = async (what, fn) => {
    try {
      return await withRetry(fn, {
        ...retry ? { policy: retry } : {},
        ...sleep ? { sleep } : {},
        onRetry: (error, attempt, delay) => log?.(`GitHub API: ${what} answered ${error.status}; retry ${attempt} in ${(delay / 1e3).toFixed(1)} s`)
      });
    } catch (error) {
      throw explain(error, what);
    }
  };
  const toComment = (c) => ({
    id: c.id,
    body: c.body ?? "",
    htmlUrl: c.html_url
  });
  const toIssue = (i) => ({
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    authorLogin: i.user?.login ?? "",
    // Absent association is treated as untrusted.
    authorAssociation: i.author_association ?? "NONE",
    htmlUrl: i.html_url
  });
  return {
    async getIssue(issueNumber) {
      const { data } = await call(
        `reading issue #${issueNumber}`,
        () => octokit.rest.issues.get({ owner, repo, issue_number: issueNumber })
      );
      return toIssue(data);
    },
    async listComments(issueNumber) {
      const comments = [];
      for (let page = 1; page <= 50; page++) {
        const { data } = await call(
          `listing comments of #${issueNumber}`,
          () => octokit.rest.issues.listComments({ owner, repo, issue_number: issueNumber, per_page: 100, page })
        );
        comments.push(...data.map(toComment));
        if (data.length < 100) break;
      }
      return comments;
    },
    async createComment(issueNumber, body) {
      const { data } = await call(
        `commenting on #${issueNumber}`,
        () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
      );
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await call(
        `editing comment ${commentId}`,
        () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
      );
      return toComment(data);
    },
    async createIssue(title, body, labels) {
      const { data } = await call("opening an issue", () => octokit.rest.issues.create({ owner, repo, title, body, ...labels ? { labels } : {} }));
      return toIssue(data);
    },
    async findOpenIssue(label) {
      const { data } = await call(
        `listing open issues labelled ${label}`,
        () => octokit.rest.issues.listForRepo({ owner, repo, labels: label, state: "open", sort: "created", direction: "desc", per_page: 30 })
      );
      const issue = data.find((i) => !i.pull_request);
      return issue ? toIssue(issue) : void 0;
    },
    async findArtifact(name, branch) {
      const { data } = await call(
        `listing artifacts named ${name}`,
        () => octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 })
      );
      const found = data.artifacts.filter((a) => !a.expired && (branch === void 0 || a.workflow_run?.head_branch === branch)).sort((a, b) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? ""))[0];
      if (!found) return void 0;
      return {
        id: found.id,
        name: found.name,
        workflowRunId: found.workflow_run?.id ?? 0,
        headBranch: found.workflow_run?.head_branch ?? "",
        createdAt: found.created_at ?? ""
      };
    }
  };
}

// src/action/aggregate-flow.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/report/aggregate.ts
var RANK = { measured: 0, ship: 1, iterate: 2, reject: 3, missing: 3 };
var ICON = { measured: "\u{1F4CF}", ship: "\u2705", iterate: "\u{1F7E1}", reject: "\u274C", missing: "\u2754" };
function combinedDecision(verdicts) {
  if (verdicts.length === 0) return "reject";
  const worst = Math.max(...verdicts.map((v) => RANK[v.decision]));
  return worst === 3 ? "reject" : worst === 2 ? "iterate" : worst === 1 ? "ship" : "measured";
}
function renderAggregateReport(verdicts, options = {}) {
  const decision = combinedDecision(verdicts);
  const counts = ["measured", "ship", "iterate", "reject", "missing"].map((d) => [d, verdicts.filter((v) => v.decision === d).length]).filter(([, n]) => n > 0).map(([d, n]) => `${n} ${d}`);
  const lines = [
    `### ${ICON[decision]} ${decision} \u2014 ${verdicts.length} runner${verdicts.length === 1 ? "" : "s"}${counts.length > 0 ? `: ${counts.join(", ")}` : ""}`,
    ""
  ];
  if (options.runUrl) lines.push(`[workflow run](${options.runUrl})`, "");
  if (verdicts.length === 0) {
    lines.push("No runner left a verdict (no gate.json artifact found in this run).");
    return `${lines.join("\n")}
`;
  }
  const rows = [...verdicts].sort((a, b) => RANK[b.decision] - RANK[a.decision] || a.runner.localeCompare(b.runner)).map((v) => [
    `${ICON[v.decision]} ${v.decision}`,
    code(v.runner),
    code(v.host),
    v.headline.replace(/^#+\s*/, ""),
    v.artifactUrl ? `[artifact](${v.artifactUrl})` : "\u2014"
  ]);
  lines.push(table(["Decision", "Runner", "Host", "Summary", "Data"], rows));
  lines.push("", "Each runner is compared with its own baseline: time and memory never mix hosts.");
  for (const v of verdicts) {
    lines.push("", details(`${ICON[v.decision]} ${v.runner}: full report`, v.report.replace(/^#+ /gm, "#### ")));
  }
  return `${lines.join("\n")}
`;
}

// src/action/context.ts
import { readFileSync } from "node:fs";
function str(value) {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}
function readPayload(path) {
  if (!path) return {};
  try {
    const data = JSON.parse(readFileSync(path, "utf8"));
    return isObject(data) ? data : {};
  } catch {
    return {};
  }
}
function readRunContext(env = process.env) {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const repository = isObject(payload.repository) ? payload.repository : {};
  const pr = isObject(payload.pull_request) ? payload.pull_request : void 0;
  const head = pr && isObject(pr.head) ? pr.head : {};
  const base = pr && isObject(pr.base) ? pr.base : {};
  const headRepo = isObject(head.repo) ? str(head.repo.full_name) : "";
  const dispatch = isObject(payload.inputs) ? payload.inputs : {};
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    owner,
    repo,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    runId: env.GITHUB_RUN_ID ?? "0",
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? "1",
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    defaultBranch: str(repository.default_branch) || void 0,
    pullRequest: pr ? {
      number: Number(pr.number),
      headRef: str(head.ref),
      headSha: str(head.sha),
      baseRef: str(base.ref),
      headRepo,
      // A deleted head repository (null) is treated as a fork: we cannot tell it is ours.
      isFork: headRepo === "" || headRepo.toLowerCase() !== (env.GITHUB_REPOSITORY ?? "").toLowerCase(),
      body: str(pr.body)
    } : void 0,
    dispatchInputs: Object.fromEntries(Object.entries(dispatch).map(([k, v]) => [k, str(v)])),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? "",
    runner: {
      name: env.RUNNER_NAME ?? "",
      os: env.RUNNER_OS ?? "",
      arch: env.RUNNER_ARCH ?? "",
      environment: env.RUNNER_ENVIRONMENT ?? ""
    }
  };
}
var CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/i;
var MENTION = /(?:^|[\s(])#(\d+)\b/;
var BRANCH = /(?:^|\/)issue[-_]?(\d+)(?:$|[-_/])/i;
function resolveIssueNumber(config, context) {
  if (config.issueNumber !== void 0) return { number: config.issueNumber, source: "input" };
  const dispatched = context.dispatchInputs["issue-number"] ?? context.dispatchInputs.issue_number ?? context.dispatchInputs.issue;
  if (dispatched && /^#?\d+$/.test(dispatched.trim())) return { number: Number(dispatched.trim().replace("#", "")), source: "dispatch input" };
  const body = context.pullRequest?.body ?? "";
  const fromBody = CLOSING.exec(body) ?? MENTION.exec(body);
  if (fromBody?.[1]) return { number: Number(fromBody[1]), source: "pull request body" };
  const branch = context.pullRequest?.headRef || context.ref.replace(/^refs\/heads\//, "");
  const fromBranch = BRANCH.exec(branch);
  if (fromBranch?.[1]) return { number: Number(fromBranch[1]), source: "branch name" };
  return void 0;
}
function forkRefusal(config, context) {
  const pr = context.pullRequest;
  if (!pr?.isFork || config.allowForkPrs || context.runner.environment === "github-hosted") return void 0;
  return `refusing to measure pull request #${pr.number} from the fork ${pr.headRepo || "(deleted repository)"}: its code would run on a self-hosted runner. Set allow-fork-prs: true only if you accept that risk.`;
}

// src/action/publish.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// src/publish/comments.ts
var MAX_COMMENT_CHARS = 65536;
function stickyMarker(key) {
  return `${STICKY_MARKER_PREFIX}:${key.replace(/-->/g, "")} -->`;
}
function fitComment(body, tail = "\n\n_\u2026 report truncated to fit a GitHub comment; the full report is in the artifact._\n") {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  return body.slice(0, MAX_COMMENT_CHARS - tail.length) + tail;
}
async function postIssueComment(api, issueNumber, body) {
  return { ...await api.createComment(issueNumber, fitComment(body)), action: "created" };
}
async function upsertStickyComment(api, prNumber, key, body) {
  const marker = stickyMarker(key);
  const text = fitComment(`${marker}
${body}`);
  const existing = (await api.listComments(prNumber)).find((c) => c.body.startsWith(marker));
  if (existing) return { ...await api.updateComment(existing.id, text), action: "updated" };
  return { ...await api.createComment(prNumber, text), action: "created" };
}

// src/action/publish.ts
function runUrl(context) {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}
async function publishVerdict(verdict, targets, deps) {
  const { config, context, io, api, artifacts } = deps;
  const faults = [];
  const links = { runUrl: runUrl(context) };
  const reportPath = join(targets.outDir, "report.md");
  writeFileSync(reportPath, verdict.render(links));
  let gateJsonPath;
  if (verdict.gateJson !== void 0) {
    gateJsonPath = join(targets.outDir, "gate.json");
    writeFileSync(gateJsonPath, verdict.gateJson);
  }
  io.setOutput(Outputs.Decision, verdict.decision);
  io.setOutput(Outputs.ReportPath, reportPath);
  if (gateJsonPath) io.setOutput(Outputs.GateJson, gateJsonPath);
  for (const a of verdict.annotations) io.error(a.message, { title: a.title });
  try {
    await io.appendSummary(verdict.render(links));
  } catch (error) {
    faults.push(`job summary: ${errorMessage(error)}`);
  }
  let artifactId;
  try {
    const files = [.../* @__PURE__ */ new Set([...targets.files, reportPath, ...gateJsonPath ? [gateJsonPath] : []])];
    const uploaded = await artifacts.upload(targets.artifactName, files, targets.outDir, config.retentionDays);
    artifactId = uploaded.id;
    io.saveState(State.ArtifactUploaded, "true");
    io.setOutput(Outputs.ArtifactId, String(uploaded.id));
    links.artifactUrl = `${links.runUrl}/artifacts/${uploaded.id}`;
    io.info(`artifact ${targets.artifactName} uploaded (id ${uploaded.id}, ${uploaded.size} bytes)`);
  } catch (error) {
    faults.push(`artifact upload failed: ${errorMessage(error)}; the files are on the runner in ${targets.outDir}`);
  }
  let commentUrl;
  if (api) {
    const body = verdict.render(links);
    if (config.comment.issue && targets.issueNumber !== void 0 && targets.issueNumber !== targets.prNumber) {
      try {
        commentUrl = (await postIssueComment(api, targets.issueNumber, body)).htmlUrl;
        io.info(`report posted on issue #${targets.issueNumber}: ${commentUrl}`);
      } catch (error) {
        faults.push(`comment on issue #${targets.issueNumber}: ${errorMessage(error)}`);
      }
    }
    if (config.comment.pr && targets.prNumber !== void 0) {
      try {
        const posted = await upsertStickyComment(api, targets.prNumber, targets.artifactName, body);
        commentUrl = posted.htmlUrl;
        io.info(`report ${posted.action} on pull request #${targets.prNumber}: ${posted.htmlUrl}`);
      } catch (error) {
        faults.push(`comment on pull request #${targets.prNumber}: ${errorMessage(error)}`);
      }
    }
  }
  if (commentUrl) io.setOutput(Outputs.CommentUrl, commentUrl);
  for (const fault of faults) io.error(fault, { title: "optimization-gate: not published" });
  return { reportPath, ...gateJsonPath ? { gateJsonPath } : {}, ...artifactId !== void 0 ? { artifactId } : {}, ...commentUrl ? { commentUrl } : {}, faults };
}

// src/action/aggregate-flow.ts
function readJsonObject(path) {
  if (!existsSync(path)) return void 0;
  try {
    const data = JSON.parse(readFileSync2(path, "utf8"));
    return isObject(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
function readRunnerVerdict(dir, name, artifactUrl) {
  const gate = readJsonObject(join2(dir, "gate.json"));
  const info = readJsonObject(join2(dir, RUN_INFO_FILE));
  const report = existsSync(join2(dir, "report.md")) ? readFileSync2(join2(dir, "report.md"), "utf8") : "";
  const decision = isDecision(gate?.decision) ? gate.decision : gate === void 0 && info?.decision === "measured" ? "measured" : "missing";
  return {
    name,
    runner: typeof info?.runner_key === "string" ? info.runner_key : name,
    host: typeof info?.hostname === "string" ? info.hostname : "?",
    decision,
    headline: decision === "missing" ? "no readable gate.json in the artifact" : report.split("\n").find((l) => l.trim() !== "") ?? decision,
    report: report || "_no report_",
    ...artifactUrl ? { artifactUrl } : {}
  };
}
async function runAggregate(session) {
  const { config, context, io, outDir } = session;
  const prefix = `${config.artifactName}-`;
  const verdicts = [];
  await io.group("Collect the runners' verdicts", async () => {
    const artifacts = (await session.artifacts.listThisRun()).filter((a) => a.name.startsWith(prefix) && a.name !== `${config.artifactName}-aggregate`);
    io.info(`${artifacts.length} artifact(s) named ${prefix}*: ${artifacts.map((a) => a.name).join(", ") || "none"}`);
    for (const artifact of artifacts) {
      const dir = join2(outDir, "runners", artifact.name);
      try {
        await session.artifacts.download(artifact.id, dir);
        verdicts.push(readRunnerVerdict(dir, artifact.name, `${runUrl(context)}/artifacts/${artifact.id}`));
      } catch (error) {
        io.warning(`artifact ${artifact.name}: ${errorMessage(error)}`);
        verdicts.push({ name: artifact.name, runner: artifact.name, host: "?", decision: "missing", headline: `download failed: ${errorMessage(error)}`, report: "" });
      }
    }
  });
  const decision = combinedDecision(verdicts);
  const issue = resolveIssueNumber(config, context);
  const aggregateJson = {
    schema: "optimization-gate/aggregate@1",
    decision,
    runners: verdicts.map(({ report: _report, ...v }) => v)
  };
  const publication = await io.group(
    "Publish",
    () => publishVerdict(
      {
        decision,
        render: (links) => renderAggregateReport(verdicts, { runUrl: links.runUrl }),
        gateJson: `${JSON.stringify(aggregateJson, null, 2)}
`,
        annotations: verdicts.filter((v) => v.decision !== "ship" && v.decision !== "measured").map((v) => ({ title: `optimization-gate: ${v.runner} ${v.decision}`, message: v.headline.replace(/^#+\s*/, "") }))
      },
      {
        outDir,
        artifactName: `${config.artifactName}-aggregate`,
        files: [],
        ...issue ? { issueNumber: issue.number } : {},
        ...context.pullRequest ? { prNumber: context.pullRequest.number } : {}
      },
      session
    )
  );
  return { ...publication, decision };
}

// src/action/gate-flow.ts
import { join as join10 } from "node:path";

// src/action/git.ts
import { execFileSync } from "node:child_process";
import { relative, resolve } from "node:path";
function git(cwd, args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}
function resolveRef(repoDir, ref) {
  for (const candidate of [ref, `origin/${ref}`]) {
    try {
      return git(repoDir, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]);
    } catch {
    }
  }
  throw new UserError(`baseline ref "${ref}" is not in the checkout`, [
    "check out with fetch-depth: 0 (actions/checkout), or fetch the base ref before this step"
  ]);
}
function addWorktree(workingDir, ref, path) {
  let top;
  try {
    top = git(workingDir, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    throw new UserError(`baseline ref:${ref} needs a git checkout: ${workingDir} is not one (${errorMessage(error)})`);
  }
  const sha = resolveRef(top, ref);
  try {
    git(top, ["worktree", "add", "--detach", "--force", path, sha]);
  } catch (error) {
    throw new UserError(`cannot create a worktree of ${ref} at ${path}: ${errorMessage(error)}`);
  }
  return {
    cwd: resolve(path, relative(top, resolve(workingDir))),
    sha,
    remove: () => {
      try {
        git(top, ["worktree", "remove", "--force", path]);
      } catch {
      }
    }
  };
}
function headSha(workingDir) {
  try {
    return git(workingDir, ["rev-parse", "HEAD"]);
  } catch {
    return void 0;
  }
}

// src/action/measure-sides.ts
import { copyFileSync as copyFileSync2, existsSync as existsSync3, readFileSync as readFileSync3, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4, resolve as resolve3 } from "node:path";

// src/action/experiment.ts
import { copyFileSync, existsSync as existsSync2, mkdirSync, statSync } from "node:fs";
import { join as join3, resolve as resolve2 } from "node:path";
async function runExperiment(options, runner) {
  const started = Date.now();
  options.log(`experiment: bash -c <experiment-command> in ${options.cwd}`);
  const running = await runner.start({
    argv: ["bash", "-c", options.command],
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    output: "inherit"
  });
  let stopped;
  const stop = (why) => {
    stopped ??= why;
    running.signalGroup("SIGTERM");
    setTimeout(() => running.signalGroup("SIGKILL"), 5e3).unref();
  };
  const timer = setTimeout(() => stop("timed out"), options.timeoutS * 1e3);
  const onAbort = () => stop("cancelled");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const exit = await running.exited;
  clearTimeout(timer);
  options.signal.removeEventListener("abort", onAbort);
  options.log(`experiment: ended after ${((Date.now() - started) / 1e3).toFixed(1)} s (${stopped ?? `exit code ${exit.exitCode ?? exit.signal}`})`);
  const source = resolve2(options.cwd, options.outputDir);
  mkdirSync(options.evalDir, { recursive: true });
  const files = [];
  const stale = [];
  for (const name of [EVAL_METRICS_FILE, PIPELINE_METRICS_FILE]) {
    if (existsSync2(join3(source, name))) {
      if (statSync(join3(source, name)).mtimeMs < started - 1e3) {
        stale.push(name);
        continue;
      }
      copyFileSync(join3(source, name), join3(options.evalDir, name));
      files.push(join3(options.evalDir, name));
    }
  }
  let failure;
  if (stopped) failure = `the experiment command was ${stopped}`;
  else if (exit.exitCode !== 0) failure = `the experiment command failed (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.exitCode}`})`;
  else if (files.length === 0) {
    failure = `the experiment command wrote neither ${EVAL_METRICS_FILE} nor ${PIPELINE_METRICS_FILE} in ${source}${stale.length > 0 ? ` (${stale.join(", ")} there predate this run)` : ""}`;
  }
  return { ok: failure === void 0, ...failure ? { failure } : {}, evalDir: options.evalDir, files };
}

// src/action/measure-sides.ts
function shellCommand(command) {
  return ["bash", "-c", command];
}
function progressLogger(target, ctx) {
  return (event) => {
    const versus = event.kind === "tick" && ctx.referenceWallS !== void 0 ? ` (baseline total: ${ctx.referenceWallS.toFixed(1)} s)` : "";
    ctx.log(`[${target.label}] ${event.message}${versus}`);
  };
}
function freezeFailures(result) {
  const failures = result.runs.filter((r) => r.status !== "ok").map((r) => `run ${r.index}: ${r.status} (exit code ${r.exitCode ?? r.signal ?? "?"})`);
  if (result.stoppedBecause) failures.push(result.stoppedBecause);
  return failures;
}
async function nativeRun(target, ctx, output, warmup, repeat) {
  const { config } = ctx;
  return (ctx.freezeImpl ?? freeze)({
    version: target.version,
    datasetId: config.datasetId,
    output,
    command: shellCommand(config.profileCommand ?? ""),
    sampleIntervalS: config.sampleInterval,
    warmup,
    repeat,
    stages: config.stages,
    timeoutS: config.timeoutMinutes * 60,
    cwd: target.cwd,
    env: ctx.env,
    signal: ctx.signal,
    onProgress: progressLogger(target, ctx)
  });
}
async function externalRun(target, ctx, stem) {
  const { config } = ctx;
  const written = resolve3(target.cwd, config.profileOutput ?? "");
  rmSync(written, { force: true });
  rmSync(stageTruthPathFor(written), { force: true });
  try {
    const result = await (ctx.externalImpl ?? runExternalFreeze)({
      command: shellCommand(config.profileCommand ?? ""),
      output: written,
      cwd: target.cwd,
      env: { ...ctx.env, [PROFILE_OUTPUT_ENV]: written },
      timeoutS: config.timeoutMinutes * 60,
      signal: ctx.signal
    });
    for (const warning of result.warnings) ctx.log(`[${target.label}] warning: ${warning}`);
    copyFileSync2(result.profilePath, `${stem}.yaml`);
    copyFileSync2(result.stageTruthPath, `${stem}.stage_truth.json`);
    return { profile: `${stem}.yaml` };
  } catch (error) {
    return { failure: `external freeze: ${error.message}` };
  }
}
function measuredFiles(sides) {
  const files = [];
  for (const side of sides) {
    for (const profile of side.profiles) {
      const stem = profile.replace(/\.ya?ml$/i, "");
      files.push(profile, `${stem}.stage_truth.json`, `${stem}.samples.jsonl`, `${stem}.events.jsonl`);
    }
    files.push(`${side.target.stem}.yaml`, `${side.target.stem}.stage_truth.json`);
    if (side.evalDir) files.push(join4(side.evalDir, "metrics.json"), join4(side.evalDir, "eval_pipeline_metrics.json"));
  }
  return [...new Set(files)].filter((f) => existsSync3(f));
}
async function measureSides(targets, ctx) {
  const sides = targets.map((target) => ({ target, profiles: [], failures: [] }));
  const { config } = ctx;
  if (config.experimentCommand) {
    for (const side of sides) {
      if (ctx.signal.aborted) break;
      if (ctx.budget && !ctx.budget.take([side.target.name], `the ${side.target.name}'s experiment`)) {
        ctx.log(`[${side.target.label}] experiment not run: max-cost-usd`);
        continue;
      }
      const result = await runExperiment(
        {
          command: config.experimentCommand,
          cwd: side.target.cwd,
          outputDir: config.experimentOutput ?? ".",
          evalDir: `${side.target.stem}.eval`,
          env: ctx.env,
          timeoutS: config.timeoutMinutes * 60,
          signal: ctx.signal,
          log: (line) => ctx.log(`[${side.target.label}] ${line}`)
        },
        ctx.runner
      );
      if (result.files.length > 0) side.evalDir = result.evalDir;
      if (result.failure) side.failures.push(result.failure);
      const learned = ctx.budget?.learnFromExperiment(side.target.name, side.evalDir);
      if (learned) ctx.log(`[${side.target.label}] a run costs about $${learned.perRunUsd} (${learned.source})`);
    }
  }
  if (!config.profileCommand) return sides;
  const single = sides.length === 1 && config.profileMode === "native";
  if (single) {
    const side = sides[0];
    const fits = ctx.budget?.affordable(side.target.name) ?? Number.POSITIVE_INFINITY;
    const warmup = Math.min(config.warmup, fits);
    const repeat = Math.min(ctx.repeat, fits - warmup);
    if (repeat < ctx.repeat || warmup < config.warmup) {
      ctx.budget?.stop(`${ctx.repeat - Math.max(0, repeat)} of ${ctx.repeat} measured run(s) and ${config.warmup - warmup} warm-up(s)`);
    }
    if (repeat < 1) {
      side.failures.push("max-cost-usd allows no measured run");
      return sides;
    }
    ctx.budget?.take([side.target.name], "the runs", warmup + repeat);
    const result = await nativeRun(side.target, ctx, `${side.target.stem}.yaml`, warmup, repeat);
    side.profiles = result.runs.map((r) => r.files.profile);
    side.profiles.forEach((profile, i) => recordRunOrder(profile, { side: side.target.name, round: i + 1, sequence: i + 1, confirmation: false }));
    side.failures.push(...freezeFailures(result));
    return sides;
  }
  for (let w = 1; w <= config.warmup && !ctx.signal.aborted; w++) {
    if (ctx.budget && !ctx.budget.take(sides.map((s) => s.target.name), `warm-up ${w}`)) break;
    for (const side of sides) {
      const stem = `${side.target.stem}.warmup-${w}`;
      ctx.log(`[${side.target.label}] warm-up ${w} of ${config.warmup} (not measured)`);
      if (config.profileMode === "native") {
        const result = await nativeRun(side.target, ctx, `${stem}.yaml`, 0, 1);
        side.failures.push(...freezeFailures(result).map((f) => `warm-up ${w}: ${f}`));
      } else {
        const { failure } = await externalRun(side.target, ctx, stem);
        if (failure) side.failures.push(`warm-up ${w}: ${failure}`);
      }
      for (const suffix of [".yaml", ".stage_truth.json", ".samples.jsonl", ".events.jsonl"]) rmSync(`${stem}${suffix}`, { force: true });
    }
  }
  await measureRounds(sides, ctx, 1, ctx.repeat);
  return sides;
}
async function measureRounds(sides, ctx, from, to) {
  const { config } = ctx;
  for (let k = from; k <= to && !ctx.signal.aborted; k++) {
    if (ctx.budget && !ctx.budget.take(sides.map((s) => s.target.name), k > ctx.repeat ? `confirmation round ${k - ctx.repeat}` : `measured round ${k}`)) break;
    for (const [index, side] of sides.entries()) {
      if (ctx.signal.aborted) break;
      const stem = k === 1 && to === 1 ? side.target.stem : `${side.target.stem}.run-${k}`;
      ctx.log(`[${side.target.label}] measured run ${k} of ${Math.max(to, ctx.repeat)}${k > ctx.repeat ? " (confirmation)" : ""}`);
      let profile;
      const startedAt = /* @__PURE__ */ new Date();
      if (config.profileMode === "native") {
        const result = await nativeRun(side.target, ctx, `${stem}.yaml`, 0, 1);
        profile = result.runs[0]?.files.profile;
        side.failures.push(...freezeFailures(result).map((f) => `run ${k}: ${f}`));
      } else {
        const outcome = await externalRun(side.target, ctx, stem);
        profile = outcome.profile;
        if (outcome.failure) side.failures.push(`run ${k}: ${outcome.failure}`);
      }
      if (profile && existsSync3(profile)) {
        side.profiles.push(profile);
        const order = { side: side.target.name, round: k, sequence: (k - 1) * sides.length + index + 1, confirmation: k > ctx.repeat };
        recordRunOrder(profile, order, { startedAt, endedAt: /* @__PURE__ */ new Date() });
      }
    }
  }
}
function recordRunOrder(profile, order, clock) {
  const truthPath = stageTruthPathFor(profile);
  const samplesPath = profile.replace(/\.ya?ml$/i, ".samples.jsonl");
  try {
    const truth = JSON.parse(readFileSync3(truthPath, "utf8"));
    let startedAt = clock?.startedAt.toISOString() ?? null;
    let endedAt = clock?.endedAt.toISOString() ?? null;
    if (!clock && existsSync3(samplesPath)) {
      const header2 = JSON.parse(readFileSync3(samplesPath, "utf8").split("\n", 1)[0] ?? "{}");
      const wall = typeof truth.run_wall_s === "number" ? truth.run_wall_s : void 0;
      if (typeof header2.started_at === "number") {
        startedAt = new Date(header2.started_at * 1e3).toISOString();
        if (wall !== void 0) endedAt = new Date((header2.started_at + wall) * 1e3).toISOString();
      }
    }
    truth.run_order = { ...order, started_at: startedAt, ended_at: endedAt };
    writeFileSync2(truthPath, `${JSON.stringify(truth, null, 2)}
`);
  } catch {
  }
}

// src/action/resolve-baseline.ts
import { cpSync as cpSync2, existsSync as existsSync5, mkdirSync as mkdirSync3, rmSync as rmSync2 } from "node:fs";
import { join as join6 } from "node:path";

// src/action/baseline-key.ts
import { createHash } from "node:crypto";
var CACHE_PREFIX = "optimization-gate-baseline-v1";
function slug(text, max = 40) {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return (cleaned || "default").slice(0, max);
}
function runnerKey(runner, hostname3) {
  return slug([runner.name || hostname3, runner.os, runner.arch].filter((p) => p !== "").join("-"), 80);
}
function configHash(files) {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update("\0").update(file.content).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
function baselineCachePrefix(parts) {
  return `${CACHE_PREFIX}-${slug(parts.datasetId)}-${parts.configHash}-${parts.runnerKey}-`;
}
function baselineCacheKey(parts, runId, runAttempt) {
  return `${baselineCachePrefix(parts)}${runId}-${runAttempt}`;
}
function baselineArtifactName(artifactName, datasetId, runner) {
  return `${artifactName}-baseline-${slug(datasetId)}-${runner}`.slice(0, 200);
}

// src/action/baseline-store.ts
import { cpSync, existsSync as existsSync4, mkdirSync as mkdirSync2, readdirSync, readFileSync as readFileSync4, statSync as statSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { basename, isAbsolute, join as join5, relative as relative2, resolve as resolve4, sep } from "node:path";
var BASELINE_MANIFEST = "baseline.json";
var BASELINE_SCHEMA = "optimization-gate/baseline@1";
var COMPANIONS = [".stage_truth.json", ".samples.jsonl"];
function writeBaselineStore(dir, side, meta) {
  mkdirSync2(dir, { recursive: true });
  const runs = side.profiles.map((profile, i) => {
    const stem = `run-${i + 1}`;
    cpSync(profile, join5(dir, `${stem}.yaml`));
    for (const suffix of COMPANIONS) {
      const companion = `${profileStem(profile)}${suffix}`;
      if (existsSync4(companion)) cpSync(companion, join5(dir, `${stem}${suffix}`));
    }
    return `${stem}.yaml`;
  });
  if (side.evalDir && existsSync4(side.evalDir)) cpSync(side.evalDir, join5(dir, "eval"), { recursive: true });
  const manifest = {
    schema: BASELINE_SCHEMA,
    ...meta,
    runs,
    ...side.evalDir && existsSync4(side.evalDir) ? { eval_dir: "eval" } : {}
  };
  writeFileSync3(join5(dir, BASELINE_MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
  return manifest;
}
function readBaselineStore(dir, origin) {
  const path = join5(dir, BASELINE_MANIFEST);
  const data = readJson(path);
  const problems = [];
  if (!isObject(data)) throw new InputFileError(path, ["(root): expected a mapping"]);
  if (data.schema !== BASELINE_SCHEMA) problems.push(`schema: expected "${BASELINE_SCHEMA}", got ${JSON.stringify(data.schema)}`);
  const runs = Array.isArray(data.runs) ? data.runs.filter((r) => typeof r === "string") : [];
  if (runs.length === 0) problems.push("runs: expected a non-empty list of profile files");
  const missing = runs.filter((r) => !existsSync4(join5(dir, r)));
  if (missing.length > 0) problems.push(`runs: files not in the store: ${missing.join(", ")}`);
  if (problems.length > 0) throw new InputFileError(path, problems);
  const evalDir = typeof data.eval_dir === "string" ? join5(dir, data.eval_dir) : void 0;
  return {
    profiles: runs.map((r) => join5(dir, r)),
    ...evalDir && existsSync4(evalDir) ? { evalDir } : {},
    origin,
    manifest: data
  };
}
function outside(root, path) {
  const rel = relative2(root, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
function isProfileYaml(name) {
  return /\.ya?ml$/i.test(name) && !name.startsWith(".");
}
function resolvePathBaseline(name, root, { insideCheckout = true } = {}) {
  const candidates = [name, `${name}.yaml`, join5("data/profiles", name), join5("data/profiles", `${name}.yaml`)].map((p) => resolve4(root, p));
  if (insideCheckout && candidates.some((p) => outside(root, p))) {
    throw new UserError(`baseline "${name}": expected a path inside the repository checkout`);
  }
  const found = candidates.find((p) => existsSync4(p));
  if (!found) {
    throw new UserError(`baseline "${name}" not found`, candidates.map((p) => `looked for ${relative2(root, p) || "."}`));
  }
  if (!statSync2(found).isDirectory()) return { profiles: [found], origin: `repository file ${relative2(root, found)}` };
  if (existsSync4(join5(found, BASELINE_MANIFEST))) return readBaselineStore(found, `repository folder ${relative2(root, found)}`);
  const profiles = readdirSync(found).filter(isProfileYaml).sort().map((f) => join5(found, f)).filter(looksLikeProfile);
  if (profiles.length === 0) throw new UserError(`baseline folder ${relative2(root, found)} holds no profile YAML (a file with a totals: section)`);
  return { profiles, origin: `repository folder ${relative2(root, found)} (${profiles.length} profiles: ${profiles.map((p) => basename(p)).join(", ")})` };
}
function looksLikeProfile(path) {
  try {
    return /^totals:/m.test(readFileSync4(path, "utf8"));
  } catch {
    return false;
  }
}

// src/action/resolve-baseline.ts
function chooseBaselineSource(input, fromIssue) {
  if (input.kind !== "auto") return { ...input, from: "input baseline" };
  const named = fromIssue?.trim();
  if (!named) return { kind: "cache", from: "default (stored baseline)" };
  if (named === "cache" || named === "artifact") return { kind: named, from: "issue baseline:" };
  if (named.startsWith("ref:")) return { kind: "ref", ref: named.slice(4).trim(), from: "issue baseline:" };
  return { kind: "path", path: named, from: "issue baseline:" };
}
async function restoreFromCache(where, deps, into) {
  const prefix = baselineCachePrefix(where.keyParts);
  rmSync2(where.storePath, { recursive: true, force: true });
  const key = await deps.cache.restore([where.storePath], prefix, [prefix]);
  if (key === void 0 || !existsSync5(where.storePath)) return void 0;
  rmSync2(into, { recursive: true, force: true });
  mkdirSync3(join6(into, ".."), { recursive: true });
  cpSync2(where.storePath, into, { recursive: true });
  rmSync2(where.storePath, { recursive: true, force: true });
  deps.log(`baseline restored from the cache (key ${key})`);
  return readBaselineStore(into, `actions cache (${key})`);
}
async function restoreFromArtifact(where, deps) {
  if (!deps.api) throw new Error("no token: cannot look up artifacts of other runs");
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.runnerKey);
  const branch = deps.context.defaultBranch;
  const found = await deps.api.findArtifact(name, branch);
  if (!found) return void 0;
  const into = join6(where.outDir, "baseline");
  await deps.artifacts.download(found.id, into, {
    token: deps.token,
    owner: deps.context.owner,
    repo: deps.context.repo,
    workflowRunId: found.workflowRunId
  });
  deps.log(`baseline downloaded from artifact ${name} (id ${found.id}, run ${found.workflowRunId}, ${found.createdAt})`);
  return readBaselineStore(into, `artifact ${name} of run ${found.workflowRunId} (${found.createdAt})`);
}
async function planBaseline(source, where, deps) {
  const how = `runner key ${where.keyParts.runnerKey}, dataset ${where.keyParts.datasetId}, config hash ${where.keyParts.configHash}`;
  try {
    switch (source.kind) {
      case "ref":
        return { kind: "ref", ref: source.ref };
      case "path":
        return { kind: "files", files: resolvePathBaseline(source.path, where.workingDir, { insideCheckout: source.from !== "input baseline" }) };
      case "artifact": {
        const files = await restoreFromArtifact(where, deps);
        if (files) return { kind: "files", files };
        return {
          kind: "missing",
          reason: `no baseline artifact on the default branch for ${how}: run the baseline refresh (mode: baseline) on this runner first`
        };
      }
      case "cache":
      case "auto": {
        const files = await restoreFromCache(where, deps, join6(where.outDir, "baseline"));
        if (files) return { kind: "files", files };
        if (deps.api) {
          const fallback = await restoreFromArtifact(where, deps).catch((error) => {
            deps.log(`no baseline artifact either: ${errorMessage(error)}`);
            return void 0;
          });
          if (fallback) return { kind: "files", files: fallback };
        }
        return {
          kind: "missing",
          reason: `no stored baseline for ${how} (neither in the cache nor as an artifact): run the baseline refresh (mode: baseline) on this runner, or set baseline: ref:<base branch> to measure it in this job`
        };
      }
    }
  } catch (error) {
    if (isUserError(error)) return { kind: "missing", reason: `baseline (${source.from}): ${error.message}` };
    return { kind: "missing", reason: `baseline (${source.from}) could not be restored: ${errorMessage(error)}` };
  }
}

// src/action/session.ts
import { existsSync as existsSync6, readFileSync as readFileSync5, statSync as statSync3 } from "node:fs";
import { hostname } from "node:os";
import { join as join7, relative as relative3, resolve as resolve5 } from "node:path";
async function hashPipelineConfig(patterns, workingDir) {
  if (patterns.length === 0) return { hash: configHash([]), files: [] };
  const globber = await create(patterns.map((p) => resolve5(workingDir, p)).join("\n"), { matchDirectories: false });
  const files = (await globber.glob()).filter((f) => existsSync6(f) && statSync3(f).isFile()).sort();
  return {
    hash: configHash(files.map((f) => ({ path: relative3(workingDir, f), content: readFileSync5(f) }))),
    files: files.map((f) => relative3(workingDir, f))
  };
}
async function baselineKeyParts(config, context, workingDir) {
  const { hash, files } = await hashPipelineConfig(config.pipelineConfig, workingDir);
  return { datasetId: config.datasetId, configHash: hash, runnerKey: runnerKey(context.runner, hostname()), configFiles: files };
}
function storePathFor(context) {
  return join7(context.workspace, ".optimization-gate-baseline");
}
function loadSide(name, profiles, evalDir, failures) {
  const runs = [];
  for (const profile of profiles) {
    try {
      runs.push(loadMeasuredRun(profile, evalDir !== void 0 ? { evalDir } : {}));
    } catch (error) {
      failures.push(`${name} ${profile}: ${error.message}`);
    }
  }
  return { name, runs };
}

// src/action/thresholds.ts
var EMPTY = { thresholds: [], problems: [] };
function trustRefusal(issue, trusted) {
  if (trusted.includes(issue.authorAssociation.toUpperCase())) return void 0;
  return `the thresholds of issue #${issue.number} are not trusted: its author ${issue.authorLogin || "(unknown)"} has association ${issue.authorAssociation}, and only ${trusted.join(", ")} are trusted (input trusted-associations)`;
}
async function loadThresholds(config, context, api, log) {
  const inline = config.thresholds.trim() !== "" ? parseInlineThresholds(config.thresholds) : void 0;
  const found = resolveIssueNumber(config, context);
  if (!found) {
    log(`no optimization issue found (input, dispatch input, PR body or branch name)${inline ? "; using the thresholds input alone" : ""}`);
    return { spec: inline ?? EMPTY };
  }
  const issue = { ...await api.getIssue(found.number), source: found.source };
  log(`optimization issue #${issue.number} (from the ${found.source}), author ${issue.authorLogin} (${issue.authorAssociation})`);
  const refusal = trustRefusal(issue, config.trustedAssociations);
  if (refusal) return { spec: inline ?? EMPTY, issue, refusal };
  const fromIssue = parseIssueThresholds(issue.body);
  return { spec: inline ? mergeThresholds(fromIssue, inline) : fromIssue, issue };
}

// src/action/hypotheses.ts
import { writeFileSync as writeFileSync4 } from "node:fs";
import { join as join8 } from "node:path";
var HYPOTHESES_FILE = "hypotheses.json";
async function loadHypotheses(session) {
  const { config, context, io, api } = session;
  const notes = [];
  const found = resolveIssueNumber(config, context);
  let spec = config.thresholds.trim() !== "" ? parseInlineThresholds(config.thresholds) : { thresholds: [], problems: [] };
  if (found && api) {
    try {
      const loaded = await loadThresholds(config, context, api, (line) => io.info(line));
      if (loaded.refusal) notes.push(`hypotheses of issue #${found.number} not evaluated: ${loaded.refusal}`);
      spec = loaded.spec;
    } catch (error) {
      notes.push(`hypotheses of issue #${found.number} not evaluated: the issue could not be read (${errorMessage(error)})`);
    }
  }
  for (const problem of spec.problems) io.warning(formatProblem(problem), { title: "optimization-gate: problem in the issue block" });
  if (spec.problems.length > 0) notes.push(`${spec.problems.length} problem(s) in the thresholds/hypotheses block (see the warnings): a hypothesis with a problem is not evaluated`);
  for (const note of notes) io.warning(note);
  return { hypotheses: spec.hypotheses ?? [], notes, ...spec.maxCostUsd !== void 0 ? { maxCostUsd: spec.maxCostUsd } : {} };
}
function evaluateOnRuns(session, hypotheses, side, runs) {
  const results = evaluateHypotheses(hypotheses, [{ name: side, runs }]);
  logHypotheses(session, results);
  return results;
}
function logHypotheses(session, results) {
  for (const h of results) for (const side of h.sides) session.io.info(hypothesisLine(h.id, side, h.sides.length > 1));
}
function writeHypothesesJson(dir, results) {
  if (results.length === 0) return [];
  const path = join8(dir, HYPOTHESES_FILE);
  writeFileSync4(path, renderHypothesesJson(results));
  return [path];
}

// src/action/budget.ts
import { existsSync as existsSync7 } from "node:fs";
import { join as join9 } from "node:path";
var SpendBudget = class {
  constructor(maxUsd, baseline, plan) {
    this.maxUsd = maxUsd;
    this.baseline = baseline;
    this.plan = plan;
  }
  maxUsd;
  baseline;
  plan;
  prices = /* @__PURE__ */ new Map();
  runs = 0;
  estimated = 0;
  unpriced = 0;
  stopped;
  price(side) {
    return this.prices.get(side) ?? this.baseline;
  }
  cost(sides, count) {
    return sides.reduce((sum, s) => sum + (this.price(s)?.perRunUsd ?? 0), 0) * count;
  }
  /** Whether `count` runs of each side fit; a run of unknown price always does (nothing to count it by). */
  fits(sides, count = 1) {
    if (this.maxUsd === void 0 || !sides.every((s) => this.price(s))) return true;
    return this.estimated + this.cost(sides, count) <= this.maxUsd + 1e-9;
  }
  /** Starts `count` runs of each side if the budget allows; false (and why, once) when it does not. */
  take(sides, what, count = 1) {
    const prices = sides.map((s) => this.price(s));
    if (!this.fits(sides, count)) {
      this.stop(what, sides);
      return false;
    }
    this.runs += sides.length * count;
    this.estimated += this.cost(sides, count);
    this.unpriced += prices.filter((p) => !p).length * count;
    return true;
  }
  /** Records runs left out (`what` … not started), with the estimate so far. */
  stop(what, sides = []) {
    const next = sides.length > 0 ? `it would add ${usd(this.cost(sides, 1))}` : "another run would go";
    this.stopped ??= `${what} not started: ${usd(this.estimated)} estimated so far, ${next} beyond ${usd(this.maxUsd ?? 0)}`;
  }
  get stoppedBecause() {
    return this.stopped;
  }
  /** How many runs of one side fit (for a freeze that runs warm-ups and repeats in one go). */
  affordable(side) {
    const price = this.price(side);
    if (this.maxUsd === void 0 || !price || price.perRunUsd <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, Math.floor((this.maxUsd - this.estimated) / price.perRunUsd + 1e-9));
  }
  /** After a side's experiment: its own cost prices its later runs and replaces the estimate of the experiment. */
  learnFromExperiment(side, evalDir) {
    const path = evalDir ? join9(evalDir, PIPELINE_METRICS_FILE) : void 0;
    if (!path || !existsSync7(path)) return void 0;
    let basis;
    try {
      basis = costPerRun([{ cost: validatePipelineMetrics(readJson(path), path) }], `the ${side}'s experiment's`);
    } catch {
      return void 0;
    }
    if (!basis) return void 0;
    const before = this.price(side);
    this.estimated += basis.perRunUsd - (before?.perRunUsd ?? 0);
    if (!before) this.unpriced = Math.max(0, this.unpriced - 1);
    this.prices.set(side, basis);
    this.baseline ??= basis;
    return basis;
  }
  record() {
    const price = this.baseline;
    const unpriced = this.unpriced > 0 ? `; ${this.unpriced} run(s) started before any cost was known are not counted` : "";
    return {
      ...this.maxUsd !== void 0 ? { maxCostUsd: this.maxUsd } : {},
      ...price ? { perRunUsd: price.perRunUsd, source: `${price.source}${unpriced}` } : {},
      plannedRuns: plannedRuns(this.plan),
      mostRuns: mostRuns(this.plan),
      runs: this.runs,
      ...price ? { estimatedUsd: this.estimated } : {},
      ...this.stopped ? { stopped: this.stopped } : {}
    };
  }
};

// src/action/gate-flow.ts
function gateVerdict(result, diff, issueNumber) {
  const failing = result.thresholds.filter((t) => t.counts && (t.verdict === "fail" || t.verdict === "missing"));
  return {
    decision: result.decision,
    render: (links) => renderReport(result, diff, links),
    gateJson: renderGateJson(result),
    annotations: [
      ...failing.map((t) => ({
        title: `optimization-gate: ${t.threshold.kind} ${t.verdict}`,
        message: `${t.metric} ${t.threshold.rule.text}: ${t.reason}`
      })),
      ...result.problems.map((p) => ({
        title: "optimization-gate: threshold problem",
        message: `${issueNumber !== void 0 && p.origin !== "input" ? `issue #${issueNumber} ` : ""}${formatProblem(p)}`
      })),
      ...result.inputErrors.map((e) => ({ title: "optimization-gate: cannot judge", message: e })),
      ...result.decision === "reject" && failing.length === 0 && result.problems.length === 0 && result.inputErrors.length === 0 ? result.reasons.map((r) => ({ title: "optimization-gate: reject", message: r })) : []
    ]
  };
}
async function runGate(session) {
  const { config, context, io, outDir } = session;
  const refusal = forkRefusal(config, context);
  if (refusal) throw new UserError(refusal);
  const loaded = await io.group("Thresholds", async () => {
    if (!session.api) throw new UserError("input 'token': expected a token to read the optimization issue");
    return loadThresholds(config, context, session.api, (line) => io.info(line));
  });
  const targets = { outDir, artifactName: config.artifactName, files: [], ...loaded.issue ? { issueNumber: loaded.issue.number } : {}, ...context.pullRequest ? { prNumber: context.pullRequest.number } : {} };
  const publish = async (result, diff) => {
    targets.files.push(writeRunInfo(session, result.decision), ...writeHypothesesJson(outDir, result.hypotheses));
    logHypotheses(session, result.hypotheses);
    const publication = await io.group("Publish", () => publishVerdict(gateVerdict(result, diff, loaded.issue?.number), targets, session));
    return { result, publication };
  };
  if (loaded.refusal) return publish(inputErrorResult([loaded.refusal], config.failOn));
  const spec = loaded.spec;
  if (spec.problems.length > 0 || spec.thresholds.length === 0) {
    return publish(inputErrorResult(spec.problems.length === 0 ? [ACCEPTED_FORMS] : [], config.failOn, spec));
  }
  const source = chooseBaselineSource(config.baseline, spec.baseline);
  const plan = await io.group("Baseline", async () => {
    io.info(`baseline source: ${source.kind === "ref" ? `ref:${source.ref}` : source.kind === "path" ? source.path : source.kind} (${source.from})`);
    return planBaseline(source, { workingDir: session.workingDir, storePath: session.storePath, outDir, keyParts: session.keyParts, artifactName: config.artifactName }, {
      cache: session.cache,
      artifacts: session.artifacts,
      ...session.api ? { api: session.api } : {},
      token: config.token,
      context,
      log: (l) => io.info(l)
    });
  });
  if (plan.kind === "missing") return publish(inputErrorResult([`missing baseline: ${plan.reason}`], config.failOn, spec));
  const failures = [];
  const storedBaseline = plan.kind === "files" ? loadSide("baseline", plan.files.profiles, plan.files.evalDir, failures) : void 0;
  if (plan.kind === "files") io.info(`baseline: ${plan.files.origin}`);
  if (storedBaseline && storedBaseline.runs.length === 0) {
    return publish(inputErrorResult([`missing baseline: no readable profile in ${plan.kind === "files" ? plan.files.origin : ""}`, ...failures], config.failOn, spec));
  }
  const walls = storedBaseline?.runs.map((r) => r.profile.totals.wall_time_s) ?? [];
  const referenceWallS = walls.length > 0 ? median(walls) : void 0;
  const repeat = config.repeat ?? spec.repeat ?? DEFAULT_REPEAT;
  const sha = (headSha(session.workingDir) ?? context.sha).slice(0, 7);
  const candidate = { name: "candidate", cwd: session.workingDir, stem: join10(outDir, "candidate"), label: `candidate @ ${sha}`, version: `candidate-${sha}` };
  let worktree;
  const sideTargets = [candidate];
  if (plan.kind === "ref") {
    worktree = addWorktree(session.workingDir, plan.ref, join10(outDir, BASE_WORKTREE_DIR));
    const baseSha = worktree.sha.slice(0, 7);
    sideTargets.unshift({ name: "baseline", cwd: worktree.cwd, stem: join10(outDir, "baseline"), label: `baseline ${plan.ref} @ ${baseSha}`, version: `baseline-${baseSha}` });
  }
  const budget = await io.group("Runs and spend", () => Promise.resolve(planSpend(session, spec, repeat, sideTargets.length, storedBaseline)));
  const measureContext = {
    config,
    repeat,
    signal: session.signal,
    runner: session.runner,
    log: (l) => io.info(l),
    env: {},
    budget,
    ...referenceWallS !== void 0 ? { referenceWallS } : {}
  };
  let measured = [];
  let judged;
  try {
    measured = await io.group(
      `Measure (${repeat} run${repeat === 1 ? "" : "s"} per side${worktree ? ", interleaved with the base ref" : ""})`,
      () => measureSides(sideTargets, measureContext)
    );
    if (session.signal.aborted) throw new CancelledError("cancelled while measuring; the post step uploads what was measured");
    judged = judge(spec, measured, storedBaseline, failures, config.failOn, void 0, budget);
    judged = await confirm(session, { spec, measured, storedBaseline, failures, repeat, measureContext }, judged);
  } finally {
    worktree?.remove();
    targets.files = measuredFiles(measured);
    setProfileOutputs(session, measured.find((m) => m.target.name === "candidate"));
  }
  if (session.signal.aborted) throw new CancelledError("cancelled while measuring; the post step uploads what was measured");
  return publish(judged.result, judged.diff);
}
function planSpend(session, spec, repeat, sides, storedBaseline) {
  const { config, io } = session;
  const confirmable = repeat > 1 || (storedBaseline?.runs.length ?? 0) > 1;
  const plan = planRuns({
    sides,
    experiment: config.experimentCommand !== void 0,
    warmup: config.warmup,
    repeat,
    confirmRuns: confirmable ? config.confirmRuns : 0,
    confirmSides: storedBaseline ? 1 : sides
  });
  const cost = storedBaseline ? costPerRun(storedBaseline.runs, "the baseline's") : void 0;
  const maxCostUsd = config.maxCostUsd ?? spec.maxCostUsd;
  for (const line of describePlan(plan, cost, maxCostUsd)) io.info(line);
  if (storedBaseline) io.info(suggestRepeat(spec.thresholds, storedBaseline.runs).text);
  return new SpendBudget(maxCostUsd, cost, plan);
}
async function confirm(session, m, first) {
  const { config, io } = session;
  const allowed = config.confirmRuns;
  if (allowed > 0 && m.repeat === 1 && (m.storedBaseline?.runs.length ?? 1) <= 1) {
    io.warning(`confirm-runs: ${allowed} has no effect with repeat: 1 (a single run per side has no interval, so no verdict is inconclusive); set repeat to 2 or more`);
    return first;
  }
  const confirming = m.storedBaseline ? m.measured.filter((side) => side.target.name === "candidate") : m.measured;
  let judged = first;
  let rounds = 0;
  let stoppedByBudget = false;
  for (; ; ) {
    const step = nextConfirmation(judged.result, rounds, allowed);
    if (!step.confirm) {
      if (allowed > 0) io.info(`${rounds === 0 ? "No confirmation round" : `Confirmation stops after ${rounds} round${rounds === 1 ? "" : "s"}`}: ${step.why}`);
      break;
    }
    if (session.signal.aborted) break;
    const names = confirming.map((side) => side.target.name);
    if (m.measureContext.budget && !m.measureContext.budget.fits(names)) {
      m.measureContext.budget.stop(`confirmation round ${rounds + 1}`, names);
      io.info(`Confirmation stops after ${rounds} round${rounds === 1 ? "" : "s"}: max-cost-usd: ${m.measureContext.budget.stoppedBecause ?? ""}`);
      stoppedByBudget = true;
      break;
    }
    rounds += 1;
    const round = m.repeat + rounds;
    await io.group(`Confirmation round ${rounds} of at most ${allowed} (${step.why})`, () => measureRounds(confirming, m.measureContext, round, round));
    judged = judge(m.spec, m.measured, m.storedBaseline, m.failures, config.failOn, { rounds, allowed, candidateOnly: m.storedBaseline !== void 0 }, m.measureContext.budget);
  }
  if (stoppedByBudget) {
    const record = rounds > 0 ? { rounds, allowed, candidateOnly: m.storedBaseline !== void 0 } : void 0;
    judged = judge(m.spec, m.measured, m.storedBaseline, m.failures, config.failOn, record, m.measureContext.budget);
  }
  return judged;
}
function judge(spec, measured, storedBaseline, loadFailures, failOn, confirmation, budget) {
  const failures = [...loadFailures];
  const cand = measured.find((m) => m.target.name === "candidate");
  const candidateSide = loadSide("candidate", cand.profiles, cand.evalDir, failures);
  let baselineSide;
  if (storedBaseline) baselineSide = storedBaseline;
  else {
    const base = measured.find((m) => m.target.name === "baseline");
    baselineSide = loadSide("baseline", base.profiles, base.evalDir, failures);
  }
  for (const side of measured) failures.push(...side.failures.map((f) => `${side.target.name}: ${f}`));
  const result = evaluateGate(spec, baselineSide, candidateSide, {
    failOn,
    failedRuns: failures,
    ...confirmation ? { confirmation } : {},
    ...budget ? { spend: budget.record() } : {}
  });
  return { result, diff: diffSides(baselineSide, candidateSide) };
}

// src/action/refresh-flow.ts
import { cpSync as cpSync3, mkdirSync as mkdirSync4, rmSync as rmSync3 } from "node:fs";
import { join as join11 } from "node:path";

// src/report/measurement.ts
function medianOf(runs, pick) {
  const values = runs.map(pick).filter((v) => v !== void 0 && Number.isFinite(v));
  return values.length === 0 ? "\u2014" : String(median(values));
}
function fmt(value, metric) {
  return value === "\u2014" ? value : formatValue(Number(value), metricUnit(metric));
}
function renderMeasurementReport(runs, options) {
  const failed = runs.filter((r) => r.profile.status !== void 0 && r.profile.status !== "ok");
  const failures = [...options.failures ?? [], ...failed.map((r) => `${r.label}: ${r.profile.status}`)];
  const lines = [`### ${failures.length > 0 || runs.length === 0 ? "\u274C" : "\u{1F4CF}"} ${options.title}`, ""];
  const links = [options.artifactUrl ? `[artifacts](${options.artifactUrl})` : "", options.runUrl ? `[workflow run](${options.runUrl})` : ""].filter(Boolean);
  if (links.length > 0) lines.push(links.join(" \xB7 "), "");
  for (const note of options.notes ?? []) lines.push(`- ${note}`);
  if (failures.length > 0) lines.push("", "**Runs that did not complete:**", ...failures.map((f) => `- ${f}`));
  if (runs.length === 0) {
    lines.push("", "No profile was measured.");
    return `${lines.join("\n")}
`;
  }
  const stages = [];
  for (const run2 of runs) for (const stage of Object.keys(run2.profile.stages)) if (!stages.includes(stage)) stages.push(stage);
  const rows = stages.map((stage) => [
    stage,
    fmt(medianOf(runs, (r) => r.profile.stages[stage]?.wall_time_s), "wall_time_s"),
    fmt(medianOf(runs, (r) => r.profile.stages[stage]?.peak_rss_mb), "peak_rss_mb"),
    fmt(medianOf(runs, (r) => r.profile.stages[stage]?.avg_cpu_pct), "avg_cpu_pct")
  ]);
  rows.push([
    "**total**",
    `**${fmt(medianOf(runs, (r) => r.profile.totals.wall_time_s), "wall_time_s")}**`,
    `**${fmt(medianOf(runs, (r) => r.profile.totals.peak_rss_mb), "peak_rss_mb")}**`,
    "\u2014"
  ]);
  lines.push("", table(["Stage", "Wall time", "Peak memory", "CPU (% of one core)"], rows, { align: "lrrr" }));
  if (runs.length > 1) lines.push("", `Medians over ${runs.length} runs.`);
  const hypotheses = renderHypotheses(options.hypotheses ?? []);
  if (hypotheses) lines.push("", hypotheses);
  const first = runs[0];
  const env = first.profile.environment;
  lines.push(
    "",
    `<sub>Host ${code(String(env.hostname ?? "?"))}, CPU ${code(String(env.cpu_model ?? env.cpu ?? "?"))}. Sampling: ${first.profile.totals.sampling_note ?? "not stated"}. Memory metric: ${first.profile.totals.memory_metric ?? "not stated"}.</sub>`
  );
  return `${lines.join("\n")}
`;
}

// src/action/refresh-flow.ts
var DRIFT_LABEL = "optimization-gate-drift";
async function measureHere(session, maxCostUsd, previous) {
  const { config, context, io, outDir } = session;
  const repeat = config.repeat ?? (config.mode === "measure" ? DEFAULT_MEASURE_REPEAT : DEFAULT_REPEAT);
  const plan = planRuns({ sides: 1, experiment: config.experimentCommand !== void 0, warmup: config.warmup, repeat, confirmRuns: 0, confirmSides: 1 });
  const cost = previous ? costPerRun(previous, "the previous baseline's") : void 0;
  const budget = new SpendBudget(config.maxCostUsd ?? maxCostUsd, cost, plan);
  for (const line of describePlan(plan, cost, budget.maxUsd)) io.info(line);
  const sha = (headSha(session.workingDir) ?? context.sha).slice(0, 7);
  const [side] = await io.group(
    `Measure (${repeat} run${repeat === 1 ? "" : "s"})`,
    () => measureSides([{ name: "candidate", cwd: session.workingDir, stem: join11(outDir, "run"), label: `run @ ${sha}`, version: `${config.mode}-${sha}` }], {
      config,
      repeat,
      signal: session.signal,
      runner: session.runner,
      log: (l) => io.info(l),
      env: {},
      budget
    })
  );
  if (session.signal.aborted) throw new CancelledError("cancelled while measuring; the post step uploads what was measured");
  setProfileOutputs(session, side);
  return { side, budget };
}
function spendLines(budget) {
  const note = spendNote(budget.record());
  return note ? [note] : [];
}
async function runMeasure(session) {
  const wanted = await session.io.group("Hypotheses", () => loadHypotheses(session));
  const { side, budget } = await measureHere(session, wanted.maxCostUsd);
  const failures = [...side.failures];
  const loaded = loadSide("candidate", side.profiles, side.evalDir, failures);
  const hypotheses = evaluateOnRuns(session, wanted.hypotheses, "measured", loaded.runs);
  const verdict = {
    decision: "measured",
    render: (links) => renderMeasurementReport(loaded.runs, { title: "optimization-gate: measured", ...links, failures, hypotheses, notes: [...wanted.notes, ...spendLines(budget)] }),
    annotations: failures.map((f) => ({ title: "optimization-gate: run failed", message: f }))
  };
  const files = [...measuredFiles([side]), writeRunInfo(session, "measured"), ...writeHypothesesJson(session.outDir, hypotheses)];
  const issue = resolveIssueNumber(session.config, session.context);
  const publication = await session.io.group(
    "Publish",
    () => publishVerdict(verdict, { outDir: session.outDir, artifactName: session.config.artifactName, files, ...issue ? { issueNumber: issue.number } : {} }, session)
  );
  if (failures.length > 0) publication.faults.push(...failures.map((f) => `measured run failed: ${f}`));
  return publication;
}
async function trackingIssue(session) {
  const { api, config, io, keyParts } = session;
  if (config.issueNumber !== void 0) return config.issueNumber;
  if (!api) return void 0;
  try {
    const open = await api.findOpenIssue(DRIFT_LABEL);
    if (open) return open.number;
    const created = await api.createIssue(
      `Baseline drift: ${keyParts.datasetId} on ${keyParts.runnerKey}`,
      "The scheduled baseline refresh measured a drift beyond its bounds. optimization-gate comments here on each refresh that drifts.",
      [DRIFT_LABEL]
    );
    io.info(`opened tracking issue #${created.number}`);
    return created.number;
  } catch (error) {
    io.warning(`cannot find or open the drift tracking issue: ${errorMessage(error)}`);
    return void 0;
  }
}
function driftVerdict(drift, diff, notes) {
  return {
    decision: drift.decision,
    render: (links) => `${renderReport(drift, diff, links)}
${notes.map((n) => `- ${n}`).join("\n")}
`,
    gateJson: renderGateJson(drift),
    annotations: [
      ...drift.thresholds.filter((t) => t.counts && t.verdict === "fail").map((t) => ({ title: "optimization-gate: baseline drift", message: `${t.metric} ${t.threshold.rule.text}: ${t.reason}` })),
      ...drift.problems.map((p) => ({ title: "optimization-gate: threshold problem", message: formatProblem(p) }))
    ]
  };
}
async function runBaseline(session) {
  const { config, context, io, keyParts, storePath } = session;
  const previous = await io.group("Previous baseline", async () => {
    try {
      const found = await restoreFromCache(
        { workingDir: session.workingDir, storePath, outDir: session.outDir, keyParts, artifactName: config.artifactName },
        { cache: session.cache, artifacts: session.artifacts, token: config.token, context, log: (l) => io.info(l) },
        join11(session.outDir, "previous-baseline")
      );
      if (!found) io.info("no previous baseline in the cache: this refresh starts one");
      return found;
    } catch (error) {
      io.warning(`previous baseline not readable: ${errorMessage(error)}`);
      return void 0;
    }
  });
  const wanted = await io.group("Hypotheses", () => loadHypotheses(session));
  const previousRuns = previous ? loadSide("baseline", previous.profiles, previous.evalDir, []).runs : void 0;
  const { side, budget } = await measureHere(session, wanted.maxCostUsd, previousRuns);
  const failures = [...side.failures];
  const fresh = loadSide("candidate", side.profiles, side.evalDir, failures);
  const hypotheses = evaluateOnRuns(session, wanted.hypotheses, "baseline", fresh.runs);
  const stored = failures.length === 0 && fresh.runs.length > 0;
  const storeDir = join11(session.outDir, "baseline-store");
  if (stored) {
    writeBaselineStore(storeDir, side, {
      created_at: (/* @__PURE__ */ new Date()).toISOString(),
      dataset_id: keyParts.datasetId,
      runner_key: keyParts.runnerKey,
      hostname: session.hostname,
      config_hash: keyParts.configHash,
      git_sha: headSha(session.workingDir) ?? context.sha,
      git_ref: context.ref,
      workflow_run_id: context.runId
    });
  }
  const spec = config.thresholds.trim() !== "" ? parseInlineThresholds(config.thresholds) : void 0;
  let drift;
  if (spec && previous && fresh.runs.length > 0) {
    const before = loadSide("baseline", previous.profiles, previous.evalDir, failures);
    drift = { ...evaluateGate(spec, before, fresh, { failOn: config.failOn, failedRuns: failures, spend: budget.record() }), hypotheses };
  }
  const notes = [
    ...wanted.notes,
    ...drift ? [] : spendLines(budget),
    stored ? `stored as the new baseline for dataset ${keyParts.datasetId}, runner ${keyParts.runnerKey}, config hash ${keyParts.configHash}` : "not stored: a measured run failed",
    previous ? `previous baseline: ${previous.origin}` : "no previous baseline"
  ];
  const diff = drift && previous ? diffSides(loadSide("baseline", previous.profiles, previous.evalDir, []), fresh) : void 0;
  const verdict = drift ? driftVerdict(drift, diff, notes) : {
    decision: "measured",
    render: (links) => renderMeasurementReport(fresh.runs, { title: "optimization-gate: baseline refresh", ...links, notes, failures, hypotheses }),
    annotations: failures.map((f) => ({ title: "optimization-gate: run failed", message: f }))
  };
  const issueNumber = drift && drift.decision !== "ship" ? await trackingIssue(session) : void 0;
  const outDir = stored ? storeDir : session.outDir;
  const artifactName = stored ? baselineArtifactName(config.artifactName, keyParts.datasetId, keyParts.runnerKey) : config.artifactName;
  mkdirSync4(outDir, { recursive: true });
  const files = [
    ...stored ? filesUnder(storeDir) : measuredFiles([side]),
    writeRunInfo(session, drift?.decision ?? "measured", outDir),
    ...writeHypothesesJson(outDir, hypotheses)
  ];
  const publication = await io.group(
    "Publish",
    () => publishVerdict(verdict, { outDir, artifactName, files, ...issueNumber !== void 0 ? { issueNumber } : {} }, { ...session, config: { ...config, comment: { issue: issueNumber !== void 0, pr: false } } })
  );
  if (stored) {
    const key = baselineCacheKey(keyParts, context.runId, context.runAttempt);
    try {
      rmSync3(storePath, { recursive: true, force: true });
      cpSync3(storeDir, storePath, { recursive: true });
      if (await session.cache.save([storePath], key)) io.info(`baseline saved to the cache: ${key}`);
      else publication.faults.push(`the cache did not take the baseline (key ${key} exists or saving is denied); the artifact ${artifactName} holds it`);
    } catch (error) {
      publication.faults.push(`baseline not saved to the cache: ${errorMessage(error)}`);
    } finally {
      rmSync3(storePath, { recursive: true, force: true });
    }
  }
  if (failures.length > 0) publication.faults.push(...failures.map((f) => `measured run failed: ${f}`));
  return { publication, ...drift ? { drift } : {} };
}

// src/action/run.ts
function defaultActionDeps() {
  return {
    io: coreIO,
    env: process.env,
    readInput: (name) => getInput(name),
    github: (config, context, io) => config.token ? createGitHubApi({ token: config.token, owner: context.owner, repo: context.repo, baseUrl: context.apiUrl, log: (m) => io.warning(m) }) : void 0,
    artifacts: createArtifactStore,
    cache: createCacheStore
  };
}
function failStep(io, error) {
  if (isUserError(error)) {
    io.setFailed(`optimization-gate: ${error.message}`);
    return;
  }
  const stack = error instanceof Error && error.stack ? `
${error.stack}` : "";
  io.setFailed(`optimization-gate: internal error (please report it): ${errorMessage(error)}${stack}`);
}
function finish(io, config, decision, publication) {
  const faults = publication.faults;
  if (isDecision(decision) && !passesFailOn(decision, config.failOn)) {
    io.setFailed(`optimization-gate: decision ${decision} (fail-on: ${config.failOn}); see ${publication.commentUrl ?? publication.reportPath}`);
  } else if (faults.length > 0) {
    io.setFailed(`optimization-gate: decision ${decision}, but: ${faults.join("; ")}`);
  } else {
    io.info(`optimization-gate: decision ${decision}`);
  }
}
async function run(overrides = {}) {
  const deps = { ...defaultActionDeps(), ...overrides };
  const { io } = deps;
  const controller = new AbortController();
  const onSignal = (signal) => {
    io.warning(`received ${signal}: stopping the measured commands; what was measured stays on disk and the post step uploads it`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const config = readActionConfig(deps.readInput);
    if (config.token) io.setSecret(config.token);
    const context = readRunContext(deps.env);
    const workingDir = resolve6(context.workspace, config.workingDirectory);
    const outDir = join12(context.runnerTemp || tmpdir(), "optimization-gate", `${context.runId}-${context.runAttempt}-${config.artifactName}`);
    mkdirSync5(outDir, { recursive: true });
    io.saveState(State.OutputDir, outDir);
    io.saveState(State.ArtifactName, config.artifactName);
    io.saveState(State.RetentionDays, String(config.retentionDays));
    const keyParts = await baselineKeyParts(config, context, workingDir);
    const api = deps.github(config, context, io);
    const session = {
      config,
      context,
      io,
      ...api ? { api } : {},
      artifacts: deps.artifacts(),
      cache: deps.cache(),
      runner: processCommandRunner,
      outDir,
      workingDir,
      signal: controller.signal,
      keyParts,
      storePath: storePathFor(context),
      hostname: hostname2()
    };
    io.info(`optimization-gate: mode ${config.mode}, output in ${outDir}, runner key ${keyParts.runnerKey}`);
    switch (config.mode) {
      case "gate": {
        const { result, publication } = await runGate(session);
        finish(io, config, result.decision, publication);
        break;
      }
      case "measure":
        finish(io, config, "measured", await runMeasure(session));
        break;
      case "baseline": {
        const { publication, drift } = await runBaseline(session);
        finish(io, config, drift?.decision ?? "measured", publication);
        break;
      }
      case "aggregate": {
        const publication = await runAggregate(session);
        finish(io, config, publication.decision, publication);
        break;
      }
    }
    io.saveState(State.Completed, "true");
  } catch (error) {
    failStep(io, error);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// src/main.ts
await run();
