import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  DEFAULT_MEASURE_REPEAT,
  DEFAULT_REPEAT,
  readActionConfig,
  suggestRepeat
} from "./chunks/chunk-BNIBMNOR.js";
import {
  evaluateGate,
  inputErrorResult,
  nextConfirmation,
  renderGateJson,
  renderReport
} from "./chunks/chunk-R5LMBZ2G.js";
import {
  costPerRun,
  describePlan,
  isDecision,
  mostRuns,
  passesFailOn,
  planRuns,
  plannedRuns,
  spendNote,
  usd
} from "./chunks/chunk-YZL56MGZ.js";
import {
  diffSides
} from "./chunks/chunk-C5GKOKHT.js";
import {
  evaluateHypotheses,
  renderHypothesesJson
} from "./chunks/chunk-HWH3RNDA.js";
import {
  ACCEPTED_FORMS,
  formatProblem,
  mergeThresholds,
  parseInlineThresholds,
  parseIssueThresholds
} from "./chunks/chunk-742Z77HY.js";
import {
  EVAL_RUN_FOLDERS,
  experimentRunId,
  lookupSide,
  resolveEvalDir
} from "./chunks/chunk-PXPRD6OG.js";
import {
  formatValue,
  metricUnit
} from "./chunks/chunk-IVBWKPMQ.js";
import {
  STATUS_MARKER,
  addRecord,
  addRun,
  buildTimeline,
  emptyLedger,
  readLedgerBlock,
  renderStatusComment
} from "./chunks/chunk-7B6XZBAR.js";
import {
  hypothesisLine,
  renderHypotheses
} from "./chunks/chunk-ZAS337DE.js";
import {
  code,
  codeSpan,
  details,
  escapeInline,
  neutralize,
  table
} from "./chunks/chunk-VQL2WWEC.js";
import {
  create
} from "./chunks/chunk-JLQVBXZ5.js";
import {
  RequestTimeoutError,
  createArtifactStore,
  createCacheStore,
  explainApiError,
  statusOf,
  withRetry
} from "./chunks/chunk-2RKWIXPF.js";
import {
  confirmationSlots,
  openFreeze,
  planSchedule,
  processCommandRunner,
  runExternalFreeze,
  runSchedule,
  sharedEnvironment
} from "./chunks/chunk-4LG32OBI.js";
import "./chunks/chunk-R4NJP5UA.js";
import {
  parseEventsText,
  resolveTimeline,
  samplesOf,
  scanSamplesFile
} from "./chunks/chunk-JHBIKGU6.js";
import {
  EVAL_METRICS_FILE,
  FINGERPRINT_FILE,
  PIPELINE_METRICS_FILE,
  loadMeasuredRun,
  validatePipelineMetrics
} from "./chunks/chunk-DIO3Y34K.js";
import {
  PROFILE_SUFFIX,
  RUN_FILE_SUFFIXES,
  SAMPLES_SUFFIX,
  STAGE_TRUTH_SUFFIX,
  evalDirFor,
  profileStem,
  repeatStem,
  runFilesOf,
  stageTruthPathFor
} from "./chunks/chunk-D7UG36OI.js";
import {
  readJson
} from "./chunks/chunk-UHNHABYH.js";
import {
  isObject
} from "./chunks/chunk-T4TF7QUX.js";
import {
  maxOf,
  median,
  pushAll
} from "./chunks/chunk-LM6Q56WD.js";
import {
  BASE_WORKTREE_DIR,
  filesUnder
} from "./chunks/chunk-BKGLLHN5.js";
import {
  DEFAULT_COMMANDS_WORKFLOWS,
  DEFAULT_MEASURE_WORKFLOWS,
  DEFAULT_REFRESH_WORKFLOWS,
  Inputs,
  Outputs,
  PROFILE_OUTPUT_ENV,
  STICKY_MARKER_PREFIX,
  State
} from "./chunks/chunk-SCLIXMJC.js";
import {
  CancelledError,
  InputFileError,
  UserError,
  errorMessage,
  isUserError
} from "./chunks/chunk-LDP73T3D.js";
import {
  coreIO
} from "./chunks/chunk-JPYQQPIU.js";
import {
  getInput
} from "./chunks/chunk-MWOD43PT.js";
import "./chunks/chunk-ZVFLWEG4.js";
import "./chunks/chunk-Y2US2WXL.js";

// src/action/run.ts
import { mkdirSync as mkdirSync7 } from "node:fs";
import { hostname, tmpdir as tmpdir2 } from "node:os";
import { join as join18, resolve as resolve8 } from "node:path";

// src/publish/pull-request.ts
var PullRequestRefused = class extends Error {
  constructor(message, branch, commitSha) {
    super(message);
    this.branch = branch;
    this.commitSha = commitSha;
    this.name = "PullRequestRefused";
  }
  branch;
  commitSha;
};
async function openFilesPullRequest(octokit, call, owner, repo, req) {
  const base = await call(`reading branch ${req.base}`, () => octokit.rest.git.getRef({ owner, repo, ref: `heads/${req.base}` }));
  const baseSha = base.data.object.sha;
  const baseCommit = await call(`reading commit ${baseSha.slice(0, 12)}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }));
  const tree = [];
  for (const file of req.files) {
    const blob = await call(`creating the blob of ${file.path}`, () => octokit.rest.git.createBlob({ owner, repo, content: file.content.toString("base64"), encoding: "base64" }));
    tree.push({ path: file.path, mode: "100644", type: "blob", sha: blob.data.sha });
  }
  const newTree = await call("creating the tree", () => octokit.rest.git.createTree({ owner, repo, base_tree: baseCommit.data.tree.sha, tree }));
  const commit = await call("creating the commit", () => octokit.rest.git.createCommit({ owner, repo, message: req.message, tree: newTree.data.sha, parents: [baseSha] }));
  const sha = commit.data.sha;
  const created = await call(`creating branch ${req.branch}`, async () => {
    try {
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${req.branch}`, sha });
      return true;
    } catch (error) {
      if (statusOf(error) === 422) return false;
      throw error;
    }
  });
  if (!created) await call(`moving branch ${req.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${req.branch}`, sha, force: true }));
  const open = await call(`listing pull requests from ${req.branch}`, () => octokit.rest.pulls.list({ owner, repo, head: `${owner}:${req.branch}`, base: req.base, state: "open", per_page: 1 }));
  const existing = open.data[0];
  if (existing) return { number: existing.number, htmlUrl: existing.html_url, branch: req.branch, commitSha: sha, reused: true };
  try {
    const pr = await call(`opening the pull request from ${req.branch}`, () => octokit.rest.pulls.create({ owner, repo, title: req.title, head: req.branch, base: req.base, body: req.body }));
    return { number: pr.data.number, htmlUrl: pr.data.html_url, branch: req.branch, commitSha: sha, reused: false };
  } catch (error) {
    throw new PullRequestRefused(error instanceof Error ? error.message : String(error), req.branch, sha);
  }
}

// src/publish/github.ts
var DEFAULT_API_TIMEOUT_MS = 3e4;
var MAX_PAGES = 50;
function addTimeout(octokit, timeoutMs) {
  octokit.hook.wrap("request", async (request, options) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    options.request = { ...options.request, signal: controller.signal };
    try {
      return await request(options);
    } catch (error) {
      if (controller.signal.aborted) throw new RequestTimeoutError(timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}
var toArtifact = (a) => ({
  id: a.id,
  name: a.name,
  workflowRunId: a.workflow_run?.id ?? 0,
  headBranch: a.workflow_run?.head_branch ?? "",
  createdAt: a.created_at ?? ""
});
var newestFirst = (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
function createGitHubApi({ token, owner, repo, baseUrl, retry, sleep, timeoutMs = DEFAULT_API_TIMEOUT_MS, log }) {
  let octokit;
  let loaded;
  const ready = () => loaded ??= import("./chunks/github-6NR2QXTI.js").then((m) => {
    octokit = m.getOctokit(token, baseUrl ? { baseUrl } : {});
    addTimeout(octokit, timeoutMs);
  });
  const call = async (what, fn, ifNotFound) => {
    await ready();
    try {
      return await withRetry(fn, {
        ...retry ? { policy: retry } : {},
        ...sleep ? { sleep } : {},
        onRetry: (error, attempt, delay) => log?.(`GitHub API: ${what} ${error instanceof RequestTimeoutError ? "timed out" : `answered ${statusOf(error) ?? "nothing"}`}; retry ${attempt} in ${(delay / 1e3).toFixed(1)} s`)
      });
    } catch (error) {
      if (ifNotFound && statusOf(error) === 404) return ifNotFound();
      throw explainApiError(error, what);
    }
  };
  const pages = async (what, page) => {
    const all = [];
    for (let n = 1; n <= MAX_PAGES; n++) {
      const items = await call(`${what} (page ${n})`, () => page(n));
      pushAll(all, items);
      if (items.length < 100) break;
    }
    return all;
  };
  const toComment = (c) => ({
    id: c.id,
    body: c.body ?? "",
    htmlUrl: c.html_url,
    ...c.user ? { authorLogin: c.user.login } : {}
  });
  const toIssue = (i) => ({
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    authorLogin: i.user?.login ?? "",
    authorAssociation: i.author_association ?? "NONE",
    htmlUrl: i.html_url,
    ...i.locked !== void 0 ? { locked: i.locked } : {}
  });
  const openIssues = (what, query) => pages(what, async (page) => (await octokit.rest.issues.listForRepo({ owner, repo, state: "open", sort: "created", direction: "desc", per_page: 100, page, ...query })).data).then(
    (list) => list.filter((i) => !i.pull_request).map(toIssue)
  );
  return {
    async getIssue(issueNumber) {
      const { data } = await call(`reading issue #${issueNumber}`, () => octokit.rest.issues.get({ owner, repo, issue_number: issueNumber }));
      return toIssue(data);
    },
    async getPermission(login) {
      const found = await call(
        `reading the repository permission of ${login}`,
        () => octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login }),
        () => void 0
      );
      if (!found) return "none";
      const role = found.data.role_name ?? found.data.permission;
      return ["admin", "maintain", "write", "triage", "read"].includes(role) ? role : "none";
    },
    async listComments(issueNumber) {
      const list = await pages(`listing comments of #${issueNumber}`, async (page) => (await octokit.rest.issues.listComments({ owner, repo, issue_number: issueNumber, per_page: 100, page })).data);
      return list.map(toComment);
    },
    async createComment(issueNumber, body) {
      const { data } = await call(`commenting on #${issueNumber}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
      return toComment(data);
    },
    async updateComment(commentId, body) {
      const { data } = await call(`editing comment ${commentId}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }));
      return toComment(data);
    },
    async whoAmI() {
      await ready();
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        if (statusOf(error) !== 403 && statusOf(error) !== 401) throw explainApiError(error, "reading the token's user");
      }
      try {
        const { viewer } = await octokit.graphql("query { viewer { login __typename } }");
        return viewer.__typename === "Bot" ? `${viewer.login}[bot]` : viewer.login;
      } catch {
        return void 0;
      }
    },
    async createIssue(title, body, labels) {
      const { data } = await call("opening an issue", () => octokit.rest.issues.create({ owner, repo, title, body, ...labels ? { labels } : {} }));
      return toIssue(data);
    },
    async ensureLabel(name, description) {
      const found = await call(
        `reading label ${name}`,
        () => octokit.rest.issues.getLabel({ owner, repo, name }),
        () => void 0
      );
      if (found) return;
      await call(`creating label ${name}`, () => octokit.rest.issues.createLabel({ owner, repo, name, description, color: "d93f0b" }));
    },
    async addLabels(issueNumber, labels) {
      await call(`labelling #${issueNumber}`, () => octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels }));
    },
    async findOpenIssue(label) {
      return (await openIssues(`listing open issues labelled ${label}`, { labels: label }))[0];
    },
    async findOpenIssueWithMarker(marker, author) {
      const issues = await openIssues("listing open issues", author ? { creator: author } : {});
      return issues.find((i) => i.body.includes(marker));
    },
    async findArtifact(name, branch) {
      const list = await pages(`listing artifacts named ${name}`, async (page) => (await octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100, page })).data.artifacts);
      return list.filter((a) => !a.expired && (branch === void 0 || a.workflow_run?.head_branch === branch)).map(toArtifact).sort(newestFirst)[0];
    },
    async listRunArtifacts(runId) {
      const list = await pages(
        `listing the artifacts of run ${runId}`,
        async (page) => (await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: runId, per_page: 100, page })).data.artifacts
      );
      return list.filter((a) => !a.expired).map(toArtifact).sort(newestFirst);
    },
    async getWorkflowRun(runId) {
      const { data } = await call(`reading workflow run ${runId}`, () => octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }));
      const referenced = data.referenced_workflows ?? [];
      return {
        id: data.id,
        runNumber: data.run_number,
        runAttempt: data.run_attempt ?? 1,
        event: data.event,
        repository: data.repository?.full_name ?? "",
        headRepository: data.head_repository?.full_name ?? "",
        headBranch: data.head_branch ?? "",
        headSha: data.head_sha,
        path: data.path ?? "",
        referencedWorkflows: referenced.map((w) => w.path ?? "").filter((p) => p !== ""),
        createdAt: data.created_at,
        htmlUrl: data.html_url,
        status: data.status ?? "",
        conclusion: data.conclusion ?? null
      };
    },
    async compareCommits(base, head) {
      return call(`comparing ${base.slice(0, 12)}...${head}`, async () => {
        try {
          const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 });
          return data.status;
        } catch (error) {
          if (error.status === 404) return void 0;
          throw error;
        }
      });
    },
    async fileSha(path, ref) {
      return call(
        `reading ${path} at ${ref.slice(0, 12)}`,
        async () => {
          const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref });
          return !Array.isArray(data) && data.type === "file" ? data.sha : void 0;
        },
        () => void 0
      );
    },
    async listArtifactsNamed(name) {
      const { data } = await call(`listing artifacts named ${name}`, () => octokit.rest.actions.listArtifactsForRepo({ owner, repo, name, per_page: 100 }));
      return data.artifacts.filter((a) => !a.expired).sort((a, b) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? "") || b.id - a.id).map((a) => ({ id: a.id, name: a.name, workflowRunId: a.workflow_run?.id ?? 0, headBranch: a.workflow_run?.head_branch ?? "", createdAt: a.created_at ?? "" }));
    },
    async getDefaultBranch() {
      const { data } = await call("reading the repository", () => octokit.rest.repos.get({ owner, repo }));
      return data.default_branch;
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      await call(`dispatching ${workflow} on ${ref}`, () => octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs }));
    },
    async openPullRequest(request) {
      await ready();
      return openFilesPullRequest(octokit, (what, fn) => call(what, fn), owner, repo, request);
    },
    async getPullRequest(prNumber) {
      const { data } = await call(`reading pull request #${prNumber}`, () => octokit.rest.pulls.get({ owner, repo, pull_number: prNumber }));
      return { number: data.number, headRepo: data.head.repo?.full_name ?? "", headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha };
    }
  };
}

// src/action/aggregate-flow.ts
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { join as join3 } from "node:path";

// src/report/aggregate.ts
var RANK = { measured: 0, ship: 1, iterate: 2, reject: 3, missing: 3 };
var ICON = { measured: "\u{1F4CF}", ship: "\u2705", iterate: "\u{1F7E1}", reject: "\u274C", missing: "\u2754" };
function combinedDecision(verdicts) {
  if (verdicts.length === 0) return "reject";
  const worst = maxOf(verdicts.map((v) => RANK[v.decision]));
  return worst === 3 ? "reject" : worst === 2 ? "iterate" : worst === 1 ? "ship" : "measured";
}
function renderAggregateReport(verdicts, options = {}) {
  const decision = combinedDecision(verdicts);
  const counts = ["measured", "ship", "iterate", "reject", "missing"].map((d) => [d, verdicts.filter((v) => v.decision === d).length]).filter(([, n]) => n > 0).map(([d, n]) => `${n} ${d}`);
  const lines = [`### ${ICON[decision]} ${decision} \u2014 ${verdicts.length} runner${verdicts.length === 1 ? "" : "s"}${counts.length > 0 ? `: ${counts.join(", ")}` : ""}`, ""];
  if (options.runUrl) lines.push(`[workflow run](${options.runUrl})`, "");
  if (verdicts.length === 0) {
    lines.push("No runner left a verdict (no gate.json artifact found in this run).");
    return `${lines.join("\n")}
`;
  }
  const rows = [...verdicts].sort((a, b) => RANK[b.decision] - RANK[a.decision] || a.runner.localeCompare(b.runner)).map((v) => [`${ICON[v.decision]} ${v.decision}`, code(v.runner), code(v.host), v.headline.replace(/^#+\s*/, ""), v.attempt ?? "\u2014", v.artifactUrl ? `[artifact](${v.artifactUrl})` : "\u2014"]);
  lines.push(table(["Decision", "Runner", "Host", "Summary", "Attempt", "Data"], rows));
  const earlier = verdicts.filter((v) => options.attempt !== void 0 && v.attempt !== void 0 && v.attempt !== options.attempt);
  if (earlier.length > 0) {
    lines.push(
      "",
      `This is attempt ${options.attempt}; ${earlier.map((v) => `${v.runner} (attempt ${v.attempt})`).join(", ")} ${earlier.length === 1 ? "was" : "were"} not re-run: ${earlier.length === 1 ? "its verdict comes" : "their verdicts come"} from the attempt shown.`
    );
  }
  lines.push("", "Each runner is compared with its own baseline: time and memory never mix hosts.");
  for (const v of verdicts) {
    lines.push("", details(`${ICON[v.decision]} ${escapeInline(v.runner)}: full report`, v.report.replace(/^#+ /gm, "#### ")));
  }
  return `${lines.join("\n")}
`;
}

// src/action/context.ts
import { readFileSync } from "node:fs";
function commentEvent(payload, issue) {
  const c = isObject(payload.comment) ? payload.comment : void 0;
  if (!c || !issue) return void 0;
  return {
    action: str(payload.action),
    id: Number(c.id),
    body: str(c.body),
    authorLogin: isObject(c.user) ? str(c.user.login) : "",
    createdAt: str(c.created_at),
    htmlUrl: str(c.html_url),
    issueNumber: Number(issue.number),
    onPullRequest: isObject(issue.pull_request)
  };
}
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
  const issue = isObject(payload.issue) ? payload.issue : void 0;
  const workflowRun = isObject(payload.workflow_run) ? payload.workflow_run : void 0;
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
      baseSha: str(base.sha),
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
    },
    ...!pr && issue && isObject(issue.pull_request) ? { commentedPullRequest: Number(issue.number) } : {},
    ...commentEvent(payload, issue) ? { comment: commentEvent(payload, issue) } : {},
    ...workflowRun ? {
      triggeringRun: {
        id: Number(workflowRun.id),
        event: str(workflowRun.event),
        headRepo: isObject(workflowRun.head_repository) ? str(workflowRun.head_repository.full_name) : ""
      }
    } : {}
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
  if (!pr?.isFork || config.allowForkPrs) return void 0;
  return refusalText(`pull request #${pr.number}`, pr.headRepo || "(deleted repository)");
}
function refusalText(what, from) {
  return `refusing to measure ${what} from the fork ${from}: its code would run on this runner. Set allow-fork-prs: true only with ephemeral, isolated runners (RUNNER_ENVIRONMENT is not proof: an earlier step can set it).`;
}
function enterpriseServerRefusal(serverUrl) {
  let host;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return void 0;
  }
  if (host === "github.com" || host.endsWith(".ghe.com") || host.endsWith(".localhost")) return void 0;
  return `GitHub Enterprise Server (${host}) is not supported: the artifact and cache services this action keeps its results and baselines in are those of github.com and GHE.com only (the toolkit clients refuse other servers)`;
}

// src/action/run-files.ts
import { existsSync } from "node:fs";
var RUN_INFO_FILE = "run-info.json";
function runInfoText(session, decision, issueNumber) {
  const info = {
    schema: "optimization-gate/run-info@1",
    decision,
    runner_key: session.keyParts.runnerKey,
    runner_name: session.context.runner.name,
    hostname: session.hostname,
    dataset_id: session.keyParts.datasetId,
    workflow_run_id: session.context.runId,
    run_attempt: session.context.runAttempt,
    // Sealed with the verdict: what `promote` needs to store this run's candidate as the baseline.
    config_hash: session.keyParts.configHash,
    issue_number: issueNumber ?? null
  };
  return `${JSON.stringify(info, null, 2)}
`;
}
function setProfileOutputs(session, side) {
  if (!side) return;
  const profile = [`${side.target.stem}${PROFILE_SUFFIX}`, ...side.profiles].find((p) => existsSync(p));
  if (!profile) return;
  session.io.setOutput(Outputs.Profile, profile);
  const truth = stageTruthPathFor(profile);
  if (existsSync(truth)) session.io.setOutput(Outputs.StageTruth, truth);
}

// src/action/publish.ts
import { rmSync as rmSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/publish/comments.ts
var MAX_COMMENT_CHARS = 65536;
function stickyMarker(key) {
  return `${STICKY_MARKER_PREFIX}:${key.replace(/-->/g, "")} -->`;
}
function fitComment(body, tail = "\n\n_\u2026 report truncated to fit a GitHub comment; the full report is in the artifact._\n") {
  if (body.length <= MAX_COMMENT_CHARS) return body;
  let cut = MAX_COMMENT_CHARS - tail.length;
  if (/[\uD800-\uDBFF]/.test(body.charAt(cut - 1))) cut -= 1;
  return body.slice(0, cut) + tail;
}
var ACTIONS_BOT = "github-actions[bot]";
async function postIssueComment(api, issueNumber, body) {
  return { ...await api.createComment(issueNumber, fitComment(body)), action: "created" };
}
async function upsertStickyComment(api, prNumber, key, body) {
  const marker = stickyMarker(key);
  const text = fitComment(`${marker}
${body}`);
  const self = await api.whoAmI() ?? ACTIONS_BOT;
  const existing = (await api.listComments(prNumber)).find((c) => c.body.startsWith(marker) && c.authorLogin === self);
  if (existing) return { ...await api.updateComment(existing.id, text), action: "updated" };
  return { ...await api.createComment(prNumber, text), action: "created" };
}

// src/publish/limits.ts
var MAX_SUMMARY_BYTES = 1024 * 1024;
var MAX_ANNOTATION_CHARS = 4096;
var SUMMARY_TAIL = "\n\n_\u2026 report cut to fit the job summary (1 MiB at most); the full report is `report.md` in the artifact._\n";
function fitSummary(markdown, maxBytes = MAX_SUMMARY_BYTES) {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const budget = maxBytes - Buffer.byteLength(SUMMARY_TAIL) - Buffer.byteLength("\n```\n");
  let end = Math.min(markdown.length, Math.floor(budget / 4));
  let bytes = Buffer.byteLength(markdown.slice(0, end));
  for (const line of markdown.slice(end).split(/(?<=\n)/)) {
    const size = Buffer.byteLength(line);
    if (bytes + size > budget) break;
    bytes += size;
    end += line.length;
  }
  let head = markdown.slice(0, end);
  const cut = head.lastIndexOf("\n");
  if (cut > 0) head = head.slice(0, cut + 1);
  const fences = head.split("\n").filter((l) => /^\s*```/.test(l)).length;
  if (fences % 2 === 1) head += "```\n";
  return head + SUMMARY_TAIL;
}
function cutMessage(message) {
  return message.length <= MAX_ANNOTATION_CHARS ? message : `${message.slice(0, MAX_ANNOTATION_CHARS - 40)}
\u2026 (cut; the report has the rest)`;
}
function fitAnnotations(list, budget, summaryTitle) {
  if (list.length <= budget) return list.map((a) => ({ title: a.title, message: cutMessage(a.message) }));
  const lines = list.map((a) => `- ${a.title.replace(/^optimization-gate: /, "")}: ${a.message.replace(/\s*\n\s*/g, " ")}`);
  let message = "";
  let shown = 0;
  for (const line of lines) {
    const more = `
\u2026 and ${lines.length - shown - 1} more in the report`;
    if (message.length + line.length + 1 + more.length > MAX_ANNOTATION_CHARS) {
      message += `
\u2026 and ${lines.length - shown} more in the report`;
      break;
    }
    message += `${message === "" ? "" : "\n"}${line}`;
    shown += 1;
  }
  return [{ title: `${summaryTitle} (${list.length})`, message }];
}

// src/action/sealed-results.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, lstatSync, mkdtempSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var SEALED_FILES = ["gate.json", "report.md", "run-info.json"];
var SEAL_MARK = ".seal-";
var DIGEST_CHARS = 40;
function writeResultFile(dir, name, text) {
  const path = join(dir, name);
  const bytes = Buffer.from(text, "utf8");
  for (let attempt = 1; ; attempt++) {
    rmSync(path, { force: true, recursive: true });
    try {
      writeFileSync(path, bytes, { flag: "wx", mode: 420 });
      return bytes;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (attempt >= 20) {
        throw new UserError(`cannot write ${name} in ${dir}: another process keeps recreating it (a process started by the measured command is still running)`);
      }
    }
  }
}
function alteredFiles(dir, written) {
  return [...written].filter(([name, bytes]) => {
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      return !stat.isFile() || stat.nlink !== 1 || !readFileSync2(path).equals(bytes);
    } catch {
      return true;
    }
  }).map(([name]) => name);
}
function sealDigest(files) {
  const hash = createHash("sha256");
  for (const name of SEALED_FILES) {
    const bytes = files.get(name);
    hash.update(`${name}\0${bytes === void 0 ? "absent" : String(bytes.length)}\0`);
    if (bytes !== void 0) hash.update(bytes);
  }
  return hash.digest("hex").slice(0, DIGEST_CHARS);
}
function sealName(artifactName, digest2) {
  return `${artifactName}${SEAL_MARK}${digest2}`;
}
function parseSealName(name) {
  const at = name.lastIndexOf(SEAL_MARK);
  const digest2 = at > 0 ? name.slice(at + SEAL_MARK.length) : "";
  return /^[0-9a-f]{40}$/.test(digest2) ? { artifact: name.slice(0, at), digest: digest2 } : void 0;
}
function sealFile(artifactName, files) {
  const dir = mkdtempSync(join(tmpdir(), "og-seal-"));
  const path = join(dir, "seal.json");
  const digests = Object.fromEntries([...files].map(([name, bytes]) => [name, createHash("sha256").update(bytes).digest("hex")]));
  writeFileSync(path, `${JSON.stringify({ schema: "optimization-gate/seal@1", artifact: artifactName, files: digests }, null, 2)}
`);
  return { dir, path };
}
function sealMismatch(dir, digests) {
  const known = typeof digests === "string" ? /* @__PURE__ */ new Set([digests]) : digests;
  if (known === void 0 || known.size === 0) return "no seal: this verdict was not uploaded by a completed run of the action";
  const files = /* @__PURE__ */ new Map();
  for (const name of SEALED_FILES) if (existsSync2(join(dir, name))) files.set(name, readFileSync2(join(dir, name)));
  return known.has(sealDigest(files)) ? void 0 : "its files differ from the ones the action sealed: altered after the verdict";
}

// src/action/publish.ts
var VERDICT_ANNOTATIONS = 7;
function checkWritten(dir, written, when) {
  const altered = alteredFiles(dir, written);
  if (altered.length === 0) return [];
  for (const name of altered) writeResultFile(dir, name, written.get(name).toString("utf8"));
  return [
    `${altered.join(", ")} changed ${when}, after the action wrote ${altered.length === 1 ? "it" : "them"}: a process started by the measured command is still running and rewriting the results; the uploaded verdict is not to be trusted`
  ];
}
async function uploadSeal(artifactName, written, retentionDays, artifacts) {
  const seal = sealFile(artifactName, written);
  try {
    await artifacts.upload(sealName(artifactName, sealDigest(written)), [seal.path], seal.dir, retentionDays);
    return [];
  } catch (error) {
    return [`seal of ${artifactName} not uploaded (${errorMessage(error)}): mode aggregate will not trust this verdict`];
  } finally {
    rmSync2(seal.dir, { recursive: true, force: true });
  }
}
function runUrl(context) {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}
async function publishVerdict(verdict, targets, deps) {
  const { config, context, io, api, artifacts } = deps;
  const faults = [];
  const links = { runUrl: runUrl(context) };
  const written = /* @__PURE__ */ new Map();
  const write = (name, text) => {
    written.set(name, writeResultFile(targets.outDir, name, text));
    return join2(targets.outDir, name);
  };
  const reportPath = write("report.md", verdict.render(links));
  const gateJsonPath = verdict.gateJson !== void 0 ? write("gate.json", verdict.gateJson) : void 0;
  if (targets.runInfo !== void 0) write(RUN_INFO_FILE, targets.runInfo);
  io.setOutput(Outputs.Decision, verdict.decision);
  io.setOutput(Outputs.ReportPath, reportPath);
  if (gateJsonPath) io.setOutput(Outputs.GateJson, gateJsonPath);
  for (const a of fitAnnotations(verdict.annotations, VERDICT_ANNOTATIONS, "optimization-gate: findings")) io.error(a.message, { title: a.title });
  try {
    await io.appendSummary(fitSummary(verdict.render(links)));
  } catch (error) {
    faults.push(`job summary: ${errorMessage(error)}`);
  }
  let artifactId;
  pushAll(faults, checkWritten(targets.outDir, written, "before the upload"));
  try {
    const files = [.../* @__PURE__ */ new Set([...targets.files, ...[...written.keys()].map((name) => join2(targets.outDir, name))])];
    const uploaded = await artifacts.upload(targets.artifactName, files, targets.outDir, config.retentionDays);
    artifactId = uploaded.id;
    io.saveState(State.ArtifactUploaded, "true");
    io.setOutput(Outputs.ArtifactId, String(uploaded.id));
    links.artifactUrl = `${links.runUrl}/artifacts/${uploaded.id}`;
    io.info(`artifact ${targets.artifactName} uploaded (id ${uploaded.id}, ${uploaded.size} bytes)`);
    pushAll(faults, checkWritten(targets.outDir, written, "during the upload"));
    pushAll(faults, await uploadSeal(targets.artifactName, written, config.retentionDays, artifacts));
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
  for (const a of fitAnnotations(
    faults.map((f) => ({ title: "optimization-gate: not published", message: f })),
    1,
    "optimization-gate: not published"
  )) {
    io.error(a.message, { title: a.title });
  }
  return { reportPath, ...gateJsonPath ? { gateJsonPath } : {}, ...artifactId !== void 0 ? { artifactId } : {}, ...commentUrl ? { commentUrl } : {}, faults };
}

// src/action/aggregate-flow.ts
function readJsonObject(path) {
  if (!existsSync3(path)) return void 0;
  try {
    const data = JSON.parse(readFileSync3(path, "utf8"));
    return isObject(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
function readRunnerVerdict(dir, name, artifactUrl) {
  const info = readJsonObject(join3(dir, RUN_INFO_FILE));
  const attempt = typeof info?.run_attempt === "string" || typeof info?.run_attempt === "number" ? String(info.run_attempt) : void 0;
  return { ...verdictOf(dir, name, info), ...artifactUrl ? { artifactUrl } : {}, ...attempt ? { attempt } : {} };
}
function verdictOf(dir, name, info) {
  const gate = readJsonObject(join3(dir, "gate.json"));
  const report = existsSync3(join3(dir, "report.md")) ? readFileSync3(join3(dir, "report.md"), "utf8") : "";
  const decision = isDecision(gate?.decision) ? gate.decision : gate === void 0 && info?.decision === "measured" ? "measured" : "missing";
  return {
    name,
    runner: typeof info?.runner_key === "string" ? info.runner_key : name,
    host: typeof info?.hostname === "string" ? info.hostname : "?",
    decision,
    headline: decision === "missing" ? "no readable gate.json in the artifact" : report.split("\n").find((l) => l.trim() !== "") ?? decision,
    report: report || "_no report_"
  };
}
async function runnerArtifacts(session, prefix, own) {
  const { api, context, io } = session;
  const ours = (name) => name.startsWith(prefix) && name !== own;
  let listed;
  if (api) {
    try {
      listed = (await api.listRunArtifacts(Number(context.runId))).map((a) => ({ id: a.id, name: a.name, workflowRunId: a.workflowRunId || Number(context.runId) }));
    } catch (error) {
      io.warning(
        `cannot list the artifacts of every attempt of this run (${errorMessage(error)}); reading this attempt's only. After "Re-run failed jobs" the runners that succeeded earlier then count as missing: give the verdict job \`actions: read\`.`
      );
    }
  }
  listed ??= await session.artifacts.listThisRun();
  const seals = /* @__PURE__ */ new Map();
  for (const a of listed) {
    const seal = parseSealName(a.name);
    if (seal) seals.set(seal.artifact, (seals.get(seal.artifact) ?? /* @__PURE__ */ new Set()).add(seal.digest));
  }
  const newest = /* @__PURE__ */ new Map();
  for (const a of listed) if (ours(a.name) && parseSealName(a.name) === void 0 && !newest.has(a.name)) newest.set(a.name, a);
  return { artifacts: [...newest.values()].sort((a, b) => a.name.localeCompare(b.name)), seals };
}
async function runAggregate(session) {
  const { config, context, io, outDir } = session;
  const prefix = `${config.artifactName}-`;
  const verdicts = [];
  await io.group("Collect the runners' verdicts", async () => {
    const { artifacts, seals } = await runnerArtifacts(session, prefix, `${config.artifactName}-aggregate`);
    io.info(`${artifacts.length} artifact(s) named ${prefix}*: ${artifacts.map((a) => a.name).join(", ") || "none"}`);
    for (const artifact of artifacts) {
      const dir = join3(outDir, "runners", artifact.name);
      try {
        const fromRun = artifact.workflowRunId !== void 0 ? { token: config.token, owner: context.owner, repo: context.repo, workflowRunId: artifact.workflowRunId } : void 0;
        await session.artifacts.download(artifact.id, dir, fromRun);
        const unverified = sealMismatch(dir, seals.get(artifact.name));
        if (unverified) {
          io.warning(`artifact ${artifact.name}: not trusted: ${unverified}`);
          verdicts.push({ name: artifact.name, runner: artifact.name, host: "?", decision: "missing", headline: `not verified: ${unverified}`, report: "" });
          continue;
        }
        const verdict = readRunnerVerdict(dir, artifact.name, `${runUrl(context)}/artifacts/${artifact.id}`);
        if (verdict.attempt !== void 0 && verdict.attempt !== context.runAttempt) io.info(`${artifact.name}: verdict of attempt ${verdict.attempt} (this is attempt ${context.runAttempt})`);
        verdicts.push(verdict);
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
        render: (links) => renderAggregateReport(verdicts, { runUrl: links.runUrl, attempt: context.runAttempt }),
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

// src/inputs/comment-command.ts
var COMMAND_PREFIX = "/optimization-gate";
var COMMAND_USAGE = [
  "`/optimization-gate measure [ref]` \u2014 measure the issue again (optionally the branch, tag or commit `ref`)",
  '`/optimization-gate accept <metric> "<reason>"` \u2014 accept a regression of one threshold metric until the next baseline',
  "`/optimization-gate promote [run id]` \u2014 promote a measured candidate (default: the latest ship) to the baseline"
];
var MAX_REASON_CHARS = 300;
var METRIC = /^(?:profile|truth|eval|cost)(?:\.(?:[A-Za-z0-9_-]+|\*)){1,8}$/;
function isSafeRef(ref) {
  if (ref.length === 0 || ref.length > 200) return false;
  if (/^[0-9a-f]{40}$/.test(ref) || /^refs\/pull\/\d{1,9}\/head$/.test(ref)) return true;
  if (!/^[A-Za-z0-9._/-]+$/.test(ref)) return false;
  if (/^[-/.]/.test(ref) || /(?:\.\.|\/\/|\/\.|[/.]$|\.lock$|\.lock\/)/.test(ref)) return false;
  return true;
}
function isMetricPath(metric) {
  return METRIC.test(metric);
}
function invalid(reason) {
  return { kind: "invalid", reason };
}
function parseReason(rest) {
  const quoted = /^(?:"([^"]*)"|“([^”]*)”)$/.exec(rest.trim());
  if (!quoted) return invalid("the reason must follow the metric in double quotes, on the same line");
  const reason = (quoted[1] ?? quoted[2] ?? "").trim();
  if (reason === "") return invalid("the reason is empty: say why this regression is acceptable");
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(reason)) return invalid("the reason contains control or direction-override characters");
  if ([...reason].length > MAX_REASON_CHARS) return invalid(`the reason is longer than ${MAX_REASON_CHARS} characters`);
  return reason;
}
function parseCommentCommand(body) {
  const first = (body.split(/\r\n|\r|\n/)[0] ?? "").trim();
  if (first !== COMMAND_PREFIX && !first.startsWith(`${COMMAND_PREFIX} `)) return { kind: "none" };
  if (first !== COMMAND_PREFIX && !/^ \S/.test(first.slice(COMMAND_PREFIX.length))) return invalid("write exactly one space between /optimization-gate and the command");
  const rest = first.slice(COMMAND_PREFIX.length).trim();
  const match = /^(\S+)\s*(.*)$/.exec(rest);
  if (!match) return invalid("no command given");
  const [, name = "", args = ""] = match;
  switch (name) {
    case "measure": {
      if (args === "") return { kind: "command", command: { name: "measure" } };
      if (/\s/.test(args)) return invalid("measure takes at most one argument, the ref to measure");
      if (!isSafeRef(args)) return invalid("the ref must be a branch or tag name (letters, digits, `. _ / -`), a full commit SHA or refs/pull/N/head");
      return { kind: "command", command: { name: "measure", ref: args } };
    }
    case "accept": {
      const parts = /^(\S+)\s+(.+)$/.exec(args);
      if (!parts) return invalid("accept needs a threshold metric and a quoted reason");
      const [, metric = "", reasonText = ""] = parts;
      if (!isMetricPath(metric)) return invalid("the metric must be a threshold metric path such as profile.stages.summarize.wall_time_s");
      const reason = parseReason(reasonText);
      if (typeof reason !== "string") return reason;
      return { kind: "command", command: { name: "accept", metric, reason } };
    }
    case "promote": {
      if (args === "") return { kind: "command", command: { name: "promote" } };
      if (!/^\d{1,15}$/.test(args)) return invalid("promote takes at most one argument, the id of a workflow run (digits only)");
      return { kind: "command", command: { name: "promote", runId: Number(args) } };
    }
    default:
      return invalid("unknown command");
  }
}

// src/report/commands.ts
var ANSWER_MARKER = "<!-- optimization-gate:answer -->";
var MAX_ECHO = 200;
function echo(ctx) {
  const line = [...ctx.line].length > MAX_ECHO ? `${[...ctx.line].slice(0, MAX_ECHO).join("")}\u2026` : ctx.line;
  return `${codeSpan(line)} from ${escapeInline(ctx.login)}`;
}
function refusedAnswer(ctx, why, usage = []) {
  const list = usage.length > 0 ? `

Commands:
${usage.map((u) => `- ${u}`).join("\n")}` : "";
  return `${ANSWER_MARKER}
\u{1F6AB} **optimization-gate: refused** ${echo(ctx)}

${why} Nothing was run or recorded.${list}
`;
}
function doneAnswer(ctx, what) {
  return `${ANSWER_MARKER}
\u2705 **optimization-gate: done** ${echo(ctx)}

${what}
`;
}
function acceptanceRecordText(a, line) {
  return [
    `\u2611\uFE0F **optimization-gate: regression accepted** \u2014 ${codeSpan(a.metric)} by ${escapeInline(a.by)} on ${a.at.slice(0, 10)}`,
    "",
    `> ${escapeInline(a.reason)}`,
    "",
    `Later gates on this issue show this threshold as \`accepted\` instead of failing it, until the next baseline is refreshed or promoted. (Command: ${codeSpan(line)})`,
    ""
  ].join("\n");
}

// src/action/command-records.ts
var MARKER = /^<!-- optimization-gate:record (accept|promote) v1 ([A-Za-z0-9_-]{1,8000}) -->/;
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
function recordMarker(kind, record) {
  return `<!-- optimization-gate:record ${kind} v1 ${Buffer.from(JSON.stringify(record), "utf8").toString("base64url")} -->`;
}
function decodeRecord(body) {
  const match = MARKER.exec(body);
  if (!match) return void 0;
  try {
    const data = JSON.parse(Buffer.from(match[2] ?? "", "base64url").toString("utf8"));
    return isObject(data) ? { kind: match[1], data } : void 0;
  } catch {
    return void 0;
  }
}
function toAcceptance(data, url) {
  const { metric, by, at, reason } = data;
  if (typeof metric !== "string" || !isMetricPath(metric)) return void 0;
  if (typeof by !== "string" || !LOGIN.test(by)) return void 0;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return void 0;
  if (typeof reason !== "string" || reason.length === 0 || reason.length > 1e3) return void 0;
  return { metric, by, at, reason, url };
}
async function readOwnRecords(api, issueNumber) {
  const me = await api.whoAmI();
  if (me === void 0) return { me, records: [] };
  const comments = await api.listComments(issueNumber);
  const records = [];
  for (const comment of comments) {
    if (comment.authorLogin !== me) continue;
    const record = decodeRecord(comment.body);
    if (record) records.push({ ...record, comment });
  }
  return { me, records };
}
async function readAcceptances(api, issueNumber, baselineSince, log) {
  const { me, records } = await readOwnRecords(api, issueNumber);
  if (me === void 0) {
    log("accepted regressions: GitHub did not say who this token is, so no record comment can be verified; none applied");
    return [];
  }
  const promotions = records.filter((r) => r.kind === "promote").map((r) => typeof r.data.at === "string" ? Date.parse(r.data.at) : NaN).filter((t) => !Number.isNaN(t));
  const cutoff = promotions.reduce((latest, t) => Math.max(latest, t), baselineSince ? Date.parse(baselineSince) || 0 : 0);
  const all = records.filter((r) => r.kind === "accept").map((r) => toAcceptance(r.data, r.comment.htmlUrl)).filter((a) => a !== void 0);
  const current = all.filter((a) => Date.parse(a.at) > cutoff);
  if (all.length > 0) {
    log(`accepted regressions on #${issueNumber}: ${current.length} apply${all.length > current.length ? `, ${all.length - current.length} older than the baseline in use (void)` : ""}`);
  }
  return current;
}

// src/action/promote-flow.ts
import { cpSync as cpSync2, existsSync as existsSync7, readFileSync as readFileSync6, rmSync as rmSync4, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join7, relative as relative3 } from "node:path";

// src/compare/history/headline.ts
var MAX_QUALITY_METRICS = 3;
function medianOf(runs, path) {
  const { numbers } = lookupSide(runs, path);
  return numbers.length > 0 ? median(numbers) : null;
}
function headlineOf(runs, qualityMetrics) {
  if (runs.length === 0) return null;
  const quality = {};
  for (const metric of qualityMetrics.filter((m) => m.startsWith("eval.")).slice(0, MAX_QUALITY_METRICS)) {
    const value = medianOf(runs, metric);
    if (value !== null) quality[metric] = value;
  }
  return {
    runs: runs.length,
    wall_s: medianOf(runs, "profile.totals.wall_time_s"),
    peak_mb: medianOf(runs, "profile.totals.peak_rss_mb"),
    cpu_s: medianOf(runs, "profile.totals.cpu_time_s"),
    cost_usd: medianOf(runs, "cost.total_stage_cost_usd"),
    quality
  };
}

// src/publish/status-comment.ts
async function findStatusComment(api, issueNumber, marker) {
  const self = await api.whoAmI() ?? ACTIONS_BOT;
  return (await api.listComments(issueNumber)).find((c) => c.body.startsWith(marker) && c.authorLogin === self);
}
async function writeStatusComment(api, issueNumber, existing, body) {
  if (existing) return { ...await api.updateComment(existing.id, body), action: "updated" };
  return { ...await api.createComment(issueNumber, body), action: "created" };
}

// src/report/promote.ts
var fixed = (v, digits, unit = "") => v === null ? "\u2014" : `${v.toFixed(digits)}${unit}`;
function headlineTable(h) {
  if (!h) return ["No profile of the candidate could be read."];
  const quality = Object.entries(h.quality);
  const head = ["wall time", "peak memory", "CPU time", "spend", ...quality.map(([m]) => codeSpan(m))];
  const row = [fixed(h.wall_s, 2, " s"), fixed(h.peak_mb, 1, " MB"), fixed(h.cpu_s, 2, " s"), h.cost_usd === null ? "\u2014" : `$${h.cost_usd.toFixed(4)}`, ...quality.map(([, v]) => String(v))];
  return [`Medians of ${h.runs} measured run${h.runs === 1 ? "" : "s"}:`, "", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, `| ${row.join(" | ")} |`];
}
function promotionReadme(f) {
  return [
    `# Promoted baseline of issue #${f.issue}`,
    "",
    `Written by optimization-gate when ${escapeInline(f.by)} promoted a measured candidate with \`/optimization-gate promote\` on ${f.at.slice(0, 10)}.`,
    "Gates of this repository use it as their baseline from then on (stored by the promote run); these files keep the trace in the repository.",
    "",
    "| what | |",
    "|---|---|",
    `| why | issue #${f.issue}: its gate decided **ship** |`,
    `| measured | ${codeSpan(f.measured)} by run ${f.sourceRunId} (${f.sourceRunUrl}) |`,
    `| when | promoted ${f.at} |`,
    `| by | ${escapeInline(f.by)} (promote run ${f.promoteRunUrl}) |`,
    `| runner | ${codeSpan(f.runnerKey)}${f.runnerName ? ` (${escapeInline(f.runnerName)})` : ""} |`,
    `| dataset, pipeline config | ${codeSpan(f.datasetId)}, config hash ${codeSpan(f.configHash)} |`,
    "",
    "## Headline numbers",
    "",
    ...headlineTable(f.headline),
    "",
    "## Files",
    "",
    ...f.profileFiles.map((p) => `- ${codeSpan(p)}`),
    ...f.evalFiles.map((p) => `- ${codeSpan(p)}`),
    ""
  ].join("\n");
}
function promotionRecordText(f, pull, line, where) {
  const pr = pull.kind === "failed" ? `The pull request with its files could not be opened: ${escapeInline(pull.why)}${pull.branch ? ` (the branch ${codeSpan(pull.branch)} holds them)` : ""}.` : `Pull request #${pull.number} ${pull.kind === "opened" ? "adds" : "now adds"} its files to the repository (${pull.url}). A pull request opened with the job's GITHUB_TOKEN starts no workflows: close and reopen it, or push to its branch, to run your checks.`;
  return [
    `\u2B06\uFE0F **optimization-gate: promoted** \u2014 run ${f.sourceRunId} (${codeSpan(f.measured)}, ship) by ${escapeInline(f.by)} on ${f.at.slice(0, 10)}`,
    "",
    `Stored as the baseline for dataset ${codeSpan(f.datasetId)}, runner ${codeSpan(f.runnerKey)}, config hash ${codeSpan(f.configHash)} (${where}): the next gates use it. Accepted regressions recorded before now no longer apply.`,
    "",
    pr,
    "",
    `Measured by ${f.sourceRunUrl} \xB7 promoted by ${f.promoteRunUrl} \xB7 (Command: ${codeSpan(line)})`,
    ""
  ].join("\n");
}

// src/action/baseline-key.ts
import { createHash as createHash2 } from "node:crypto";
var CACHE_PREFIX = "optimization-gate-baseline-v1";
function slug(text, max = 40) {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return (cleaned || "default").slice(0, max);
}
function runnerKey(input, runner) {
  const parts = (input ?? "").split(/[\s,-]+/).map((p) => p.toLowerCase()).filter((p) => p !== "");
  if (parts.length === 0) parts.push(runner.environment || "self-hosted");
  for (const extra of [runner.os, runner.arch].map((p) => p.toLowerCase()).filter((p) => p !== "")) {
    if (!parts.includes(extra)) parts.push(extra);
  }
  return slug(parts.join("-"), 80);
}
function configHash(files) {
  const hash = createHash2("sha256");
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
function baselineArtifactName(artifactName, datasetId, configHash2, runner) {
  return `${artifactName}-baseline-${slug(datasetId)}-${configHash2}-${runner}`.slice(0, 200);
}

// src/action/baseline-store.ts
import { cpSync, existsSync as existsSync4, mkdirSync, readdirSync, readFileSync as readFileSync4, realpathSync, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { basename, dirname, isAbsolute, join as join4, relative, resolve, sep } from "node:path";
var BASELINE_MANIFEST = "baseline.json";
var BASELINE_SCHEMA = "optimization-gate/baseline@1";
var COMPANIONS = [STAGE_TRUTH_SUFFIX, SAMPLES_SUFFIX];
function writeBaselineStore(dir, side, meta) {
  mkdirSync(dir, { recursive: true });
  const runs = side.profiles.map((profile, i) => {
    const stem = `run-${i + 1}`;
    cpSync(profile, join4(dir, `${stem}${PROFILE_SUFFIX}`));
    for (const suffix of COMPANIONS) {
      const companion = `${profileStem(profile)}${suffix}`;
      if (existsSync4(companion)) cpSync(companion, join4(dir, `${stem}${suffix}`));
    }
    return `${stem}${PROFILE_SUFFIX}`;
  });
  if (side.evalDir && existsSync4(side.evalDir)) cpSync(side.evalDir, join4(dir, "eval"), { recursive: true });
  const manifest = {
    schema: BASELINE_SCHEMA,
    ...meta,
    runs,
    ...side.evalDir && existsSync4(side.evalDir) ? { eval_dir: "eval" } : {}
  };
  writeFileSync2(join4(dir, BASELINE_MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
  return manifest;
}
function symlinksUnder(dir, rel = "") {
  const found = [];
  for (const entry of readdirSync(join4(dir, rel), { withFileTypes: true })) {
    const path = rel === "" ? entry.name : join4(rel, entry.name);
    if (entry.isSymbolicLink()) found.push(path);
    else if (entry.isDirectory()) pushAll(found, symlinksUnder(dir, path));
  }
  return found;
}
function outside(root, path) {
  const rel = relative(root, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
function inStore(root, realRoot, entry, key, problems) {
  if (entry === "" || entry.includes("\0") || isAbsolute(entry) || outside(root, resolve(root, entry))) {
    problems.push(`${key}: ${JSON.stringify(entry)} is not a path inside the store`);
    return void 0;
  }
  const path = resolve(root, entry);
  if (!existsSync4(path)) {
    problems.push(`${key}: ${JSON.stringify(entry)} is not in the store`);
    return void 0;
  }
  if (outside(realRoot, realpathSync(path))) {
    problems.push(`${key}: ${JSON.stringify(entry)} leads outside the store`);
    return void 0;
  }
  return path;
}
function readBaselineStore(dir, origin) {
  const path = join4(dir, BASELINE_MANIFEST);
  const realRoot = realpathSync(dir);
  const links = symlinksUnder(dir);
  if (links.length > 0)
    throw new InputFileError(
      path,
      links.map((l) => `${l}: a symbolic link; a stored baseline holds only plain files`)
    );
  const data = readJson(path);
  const problems = [];
  if (!isObject(data)) throw new InputFileError(path, ["(root): expected a mapping"]);
  if (data.schema !== BASELINE_SCHEMA) problems.push(`schema: expected "${BASELINE_SCHEMA}", got ${JSON.stringify(data.schema)}`);
  const runs = Array.isArray(data.runs) ? data.runs.filter((r) => typeof r === "string") : [];
  if (runs.length === 0) problems.push("runs: expected a non-empty list of profile files");
  const profiles = runs.map((r, i) => inStore(dir, realRoot, r, `runs[${i}]`, problems));
  const evalDir = typeof data.eval_dir === "string" ? inStore(dir, realRoot, data.eval_dir, "eval_dir", problems) : void 0;
  if (problems.length > 0) throw new InputFileError(path, problems);
  return {
    profiles,
    ...evalDir && statSync(evalDir).isDirectory() ? { evalDir } : {},
    origin,
    manifest: data
  };
}
function refuseEscapes(root, found) {
  const realRoot = realpathSync(root);
  const entries = (dir, deep) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join4(dir, e.name);
    return deep && e.isDirectory() ? [path, ...entries(path, true)] : [path];
  });
  const evalDir = evalDirFor(found);
  const read = statSync(found).isDirectory() ? [found, ...entries(found, true)] : [found, ...entries(dirname(found), false), ...existsSync4(evalDir) && statSync(evalDir).isDirectory() ? entries(evalDir, true) : []];
  const escaping = read.filter((p) => {
    try {
      return outside(realRoot, realpathSync(p));
    } catch {
      return true;
    }
  });
  if (escaping.length > 0) {
    throw new UserError(
      `baseline "${relative(root, found)}": a symbolic link leads outside the repository checkout`,
      escaping.map((p) => relative(root, p))
    );
  }
}
function isProfileYaml(name) {
  return /\.ya?ml$/i.test(name) && !name.startsWith(".");
}
function baselinePathNames(name) {
  return [name, `${name}.yaml`, join4("data/profiles", name), join4("data/profiles", `${name}.yaml`)];
}
function resolvePathBaseline(name, root, { insideCheckout = true } = {}) {
  const candidates = baselinePathNames(name).map((p) => resolve(root, p));
  if (insideCheckout && candidates.some((p) => outside(root, p))) {
    throw new UserError(`baseline "${name}": expected a path inside the repository checkout`);
  }
  const found = candidates.find((p) => existsSync4(p));
  if (!found) {
    throw new UserError(
      `baseline "${name}" not found`,
      candidates.map((p) => `looked for ${relative(root, p) || "."}`)
    );
  }
  if (insideCheckout) refuseEscapes(root, found);
  if (!statSync(found).isDirectory()) return { profiles: [found], origin: `repository file ${relative(root, found)}` };
  if (isStoreManifest(join4(found, BASELINE_MANIFEST))) return readBaselineStore(found, `repository folder ${relative(root, found)}`);
  const profiles = readdirSync(found).filter(isProfileYaml).sort().map((f) => join4(found, f)).filter(looksLikeProfile);
  if (profiles.length === 0) {
    const evalRun = existsSync4(join4(found, "metrics.json")) ? "; it holds eval results: name them with `baseline: { profile: <profile YAML>, eval: <this folder> }`" : "";
    throw new UserError(`baseline folder ${relative(root, found)} holds no profile YAML (a file with a totals: section)${evalRun}`);
  }
  return { profiles, origin: `repository folder ${relative(root, found)} (${profiles.length} profiles: ${profiles.map((p) => basename(p)).join(", ")})` };
}
function isStoreManifest(path) {
  if (!existsSync4(path)) return false;
  try {
    const data = readJson(path);
    return !isObject(data) || data.schema === BASELINE_SCHEMA || !("promoted_id" in data || "run_id" in data);
  } catch {
    return true;
  }
}
function looksLikeProfile(path) {
  try {
    return /^totals:/m.test(readFileSync4(path, "utf8"));
  } catch {
    return false;
  }
}

// src/action/promote-source.ts
import { existsSync as existsSync5, readdirSync as readdirSync2, rmSync as rmSync3 } from "node:fs";
import { join as join5 } from "node:path";

// src/action/provenance.ts
import { basename as basename2 } from "node:path";
var TRUSTED_EVENTS = ["schedule", "push", "workflow_dispatch"];
function fileName(workflowPath) {
  return basename2(workflowPath.split("@")[0] ?? "");
}
function foreignRun(run2, repository) {
  const same = (a) => a.toLowerCase() === repository.toLowerCase();
  if (!same(run2.repository)) return "repository";
  return same(run2.headRepository) ? void 0 : "fork";
}
function refreshWorkflowOf(run2, names) {
  return [run2.path, ...run2.referencedWorkflows].find((p) => names.includes(fileName(p)));
}
function isPromoteRun(run2, expect) {
  return run2.event === "issue_comment" && refreshWorkflowOf(run2, expect.commandsWorkflows ?? []) !== void 0;
}
async function verifyStoringRun(api, runId, expect) {
  let run2;
  try {
    run2 = await api.getWorkflowRun(runId);
  } catch (error) {
    return { ok: false, reason: `its run ${runId} cannot be read through the API (${error.message})` };
  }
  const foreign = foreignRun(run2, expect.repository);
  if (foreign === "repository") return { ok: false, reason: `run ${runId} belongs to ${run2.repository || "another repository"}` };
  if (foreign === "fork") {
    return { ok: false, reason: `run ${runId} ran code from ${run2.headRepository || "a deleted repository"}, not from ${expect.repository} (a fork)` };
  }
  const promote2 = isPromoteRun(run2, expect);
  if (!TRUSTED_EVENTS.includes(run2.event) && !promote2) {
    const commands = (expect.commandsWorkflows ?? []).length > 0 ? `; issue_comment only for a promotion by ${(expect.commandsWorkflows ?? []).join(", ")}` : "";
    return { ok: false, reason: `run ${runId} was started by ${run2.event}, not by a trusted event (${TRUSTED_EVENTS.join(", ")}${commands})` };
  }
  if (run2.headBranch !== expect.defaultBranch) {
    return { ok: false, reason: `run ${runId} ran on ${run2.headBranch || "(no branch)"}, not on the default branch ${expect.defaultBranch}` };
  }
  if (!promote2 && refreshWorkflowOf(run2, expect.refreshWorkflows) === void 0) {
    return {
      ok: false,
      reason: `run ${runId} is of ${run2.path || "an unknown workflow"}, not of a baseline refresh workflow (refresh-workflows: ${expect.refreshWorkflows.join(", ")})`
    };
  }
  const relation = await api.compareCommits(run2.headSha, expect.defaultBranch);
  if (relation !== "identical" && relation !== "ahead") {
    return { ok: false, reason: `run ${runId} measured ${run2.headSha.slice(0, 12)}, which is not in the history of ${expect.defaultBranch} (${relation ?? "unknown commit"})` };
  }
  return { ok: true, run: run2, kind: promote2 ? "promote" : "refresh" };
}
function provenanceOf(run2, source, entry, workflows, promoted) {
  return {
    ...promoted ? { promoted } : {},
    source,
    entry,
    run_id: run2.id,
    run_number: run2.runNumber,
    run_attempt: run2.runAttempt,
    event: run2.event,
    workflow: refreshWorkflowOf(run2, workflows) ?? run2.path,
    head_branch: run2.headBranch,
    head_sha: run2.headSha,
    created_at: run2.createdAt,
    html_url: run2.htmlUrl
  };
}
function describeProvenance(p) {
  const where = p.source === "cache" ? `the actions cache (${p.entry})` : `artifact ${p.entry}`;
  if (p.promoted) {
    const m = p.promoted;
    return `promoted on issue ${m.issue} by ${m.by} from run id ${m.source_run_id} (promote run ${p.run_number}, ${p.event}, run id ${p.run_id}), ${p.head_branch} @ ${p.head_sha.slice(0, 7)}, ${p.created_at}, from ${where}`;
  }
  return `refresh run ${p.run_number} (${p.event}, run id ${p.run_id}), ${p.head_branch} @ ${p.head_sha.slice(0, 7)}, ${p.created_at}, from ${where}`;
}

// src/action/promote-source.ts
function latestShip(ledger, runsUrl) {
  for (const run2 of ledger.runs) {
    if (run2.mode !== "gate" || run2.decision !== "ship" || !run2.run_url.startsWith(`${runsUrl}/`)) continue;
    const id2 = /^(\d{1,15})$/.exec(run2.run_url.slice(runsUrl.length + 1));
    if (id2) return Number(id2[1]);
  }
  return void 0;
}
function candidateProfiles(dir) {
  const repeats = readdirSync2(dir).map((f) => /^candidate\.run-(\d{1,4})\.yaml$/.exec(f)).filter((m) => m !== null).sort((a, b) => Number(a[1]) - Number(b[1])).map((m) => join5(dir, m[0]));
  if (repeats.length > 0) return repeats;
  return existsSync5(join5(dir, "candidate.yaml")) ? [join5(dir, "candidate.yaml")] : [];
}
function str2(data, key) {
  const v = data[key];
  return typeof v === "string" && v !== "" ? v : void 0;
}
function runRefusal(run2, repository, measureWorkflows) {
  const foreign = foreignRun(run2, repository);
  if (foreign === "repository") return `run ${run2.id} belongs to ${run2.repository || "another repository"}, not to ${repository}`;
  if (foreign === "fork") {
    return `run ${run2.id} measured code from ${run2.headRepository || "a deleted repository"} (a fork): merge it first, then the baseline refresh measures it`;
  }
  if (refreshWorkflowOf(run2, measureWorkflows) === void 0) return `run ${run2.id} is of ${run2.path || "an unknown workflow"}, not of a measuring workflow (${measureWorkflows.join(", ")})`;
  if (run2.status !== "completed") return `run ${run2.id} has not completed yet (${run2.status || "status unknown"}): promote it once it has`;
  return void 0;
}
var DEFAULT_BRANCH_EVENTS = ["workflow_dispatch", "push", "schedule"];
function ownWorkflowFiles(run2, repository) {
  const prefix = `${repository.toLowerCase()}/`;
  const called = run2.referencedWorkflows.filter((p) => p.toLowerCase().startsWith(prefix)).map((p) => p.slice(prefix.length).split("@")[0] ?? "");
  return [...new Set([run2.path.split("@")[0] ?? "", ...called].filter((p) => p !== ""))];
}
async function workflowRefusal(api, run2, repository, defaultBranch) {
  if (DEFAULT_BRANCH_EVENTS.includes(run2.event)) {
    if (run2.headBranch === defaultBranch) return void 0;
    return `run ${run2.id} ran the workflow file of ${run2.headBranch || "(no branch)"}, not of the default branch ${defaultBranch}: only a run of reviewed workflow code is promoted`;
  }
  if (run2.event !== "pull_request") return `run ${run2.id} was started by ${run2.event}: only a pull_request run or a run of the default branch (workflow_dispatch, push, schedule) is promoted`;
  for (const path of ownWorkflowFiles(run2, repository)) {
    const [theirs, ours] = [await api.fileSha(path, run2.headSha), await api.fileSha(path, defaultBranch)];
    if (theirs === void 0 || theirs !== ours) {
      return `run ${run2.id} ran its pull request's copy of ${path}, which is not ${defaultBranch}'s (a changed workflow can write any verdict): merge or drop the workflow change, then gate again`;
    }
  }
  return void 0;
}
async function findSource(session, api, runId, issue, measureWorkflows) {
  const { context } = session;
  const refuse = (reason) => ({ ok: false, reason });
  let run2;
  try {
    run2 = await api.getWorkflowRun(runId);
  } catch (error) {
    return refuse(`run ${runId} cannot be read through the API of this repository (${error.message})`);
  }
  const repository = `${context.owner}/${context.repo}`;
  const refusal = runRefusal(run2, repository, measureWorkflows) ?? await workflowRefusal(api, run2, repository, context.defaultBranch ?? await api.getDefaultBranch());
  if (refusal) return refuse(refusal);
  const listed = await api.listRunArtifacts(runId);
  const seals = /* @__PURE__ */ new Map();
  for (const a of listed) {
    const seal = parseSealName(a.name);
    if (seal) seals.set(seal.artifact, (seals.get(seal.artifact) ?? /* @__PURE__ */ new Set()).add(seal.digest));
  }
  const verdicts = listed.filter((a) => seals.has(a.name)).sort((a, b) => Number(b.name === session.config.artifactName) - Number(a.name === session.config.artifactName));
  if (verdicts.length === 0) return refuse(`run ${runId} left no sealed verdict artifact (expired, or not a run of the action)`);
  const read = [];
  for (const artifact of verdicts) {
    const dir = join5(session.outDir, "promote-source", String(artifact.id));
    rmSync3(dir, { recursive: true, force: true });
    await session.artifacts.download(artifact.id, dir, { token: session.config.token, owner: context.owner, repo: context.repo, workflowRunId: runId });
    read.push({ artifact, dir, verdict: readVerdict(dir, seals.get(artifact.name), runId, issue) });
  }
  const problems = read.flatMap((r) => "problem" in r.verdict ? [`${r.artifact.name}: ${r.verdict.problem}`] : []);
  if (problems.length > 0) return refuse(`run ${runId}: ${problems.join("; ")}`);
  const runners = read.filter((r) => r.verdict.kind === "runner");
  const attempt = maxOf(
    runners.map((r) => r.verdict.attempt),
    0
  );
  const current = [...runners.filter((r) => r.verdict.attempt === attempt), ...read.filter((r) => r.verdict.kind === "aggregate").slice(0, 1)];
  const notShip = current.filter((r) => r.verdict.decision !== "ship");
  if (notShip.length > 0) {
    return refuse(`run ${runId} (attempt ${attempt}): ${notShip.map((r) => `${r.artifact.name} decided ${r.verdict.decision}`).join("; ")}: only a run whose every verdict is ship can be promoted`);
  }
  const reasons = [];
  for (const r of current) {
    if (r.verdict.kind !== "runner") continue;
    const facts = promotable(r.dir, r.verdict.info);
    if (typeof facts === "string") {
      reasons.push(`${r.artifact.name}: ${facts}`);
      continue;
    }
    const evalDir = join5(r.dir, "candidate.eval");
    return { ok: true, source: { run: run2, artifact: r.artifact, dir: r.dir, ...facts, ...existsSync5(evalDir) ? { evalDir } : {} } };
  }
  return refuse(`run ${runId}: ${reasons.join("; ") || "no runner verdict in it"}`);
}
function readVerdict(dir, digests, runId, issue) {
  const unusable = (problem) => ({ kind: "unusable", problem, attempt: 0, decision: "" });
  const unsealed = sealMismatch(dir, digests);
  if (unsealed) return unusable(unsealed);
  const gate = existsSync5(join5(dir, "gate.json")) ? readJson(join5(dir, "gate.json")) : void 0;
  if (!isObject(gate)) return unusable("it holds no gate verdict (gate.json): only a gate run can be promoted");
  const decision = String(gate.decision);
  if (gate.schema === "optimization-gate/aggregate@1") return { kind: "aggregate", attempt: 0, decision };
  const info = existsSync5(join5(dir, "run-info.json")) ? readJson(join5(dir, "run-info.json")) : void 0;
  if (!isObject(info)) return unusable("it holds no run-info.json: only a gate run can be promoted");
  if (str2(info, "workflow_run_id") !== String(runId)) return unusable(`its run-info names run ${String(info.workflow_run_id)}`);
  if (info.issue_number !== issue) return unusable(`it measured ${typeof info.issue_number === "number" ? `issue #${info.issue_number}` : "no issue"}, not this one`);
  return { kind: "runner", attempt: Number(info.run_attempt) || 1, decision, info };
}
function promotable(dir, info) {
  const [datasetId, configHash2, runnerKey2] = [str2(info, "dataset_id"), str2(info, "config_hash"), str2(info, "runner_key")];
  if (!datasetId || !configHash2 || !runnerKey2) return "its run-info lacks the dataset, config hash or runner key (measured by an older release)";
  const profiles = candidateProfiles(dir);
  if (profiles.length === 0) return "it holds no candidate profile";
  return { profiles, keyParts: { datasetId, configHash: configHash2, runnerKey: runnerKey2 }, runnerName: str2(info, "runner_name") ?? "", hostname: str2(info, "hostname") ?? "" };
}

// src/action/session.ts
import { existsSync as existsSync6, readFileSync as readFileSync5, statSync as statSync2 } from "node:fs";
import { join as join6, relative as relative2, resolve as resolve2 } from "node:path";
async function hashPipelineConfig(patterns, workingDir) {
  if (patterns.length === 0) return { hash: configHash([]), files: [] };
  const globber = await create(patterns.map((p) => resolve2(workingDir, p)).join("\n"), { matchDirectories: false });
  const files = (await globber.glob()).filter((f) => existsSync6(f) && statSync2(f).isFile()).sort();
  return {
    hash: configHash(files.map((f) => ({ path: relative2(workingDir, f), content: readFileSync5(f) }))),
    files: files.map((f) => relative2(workingDir, f))
  };
}
async function baselineKeyParts(config, context, workingDir) {
  const { hash, files } = await hashPipelineConfig(config.pipelineConfig, workingDir);
  return { datasetId: config.datasetId, configHash: hash, runnerKey: runnerKey(config.runnerKey, context.runner), configFiles: files };
}
function storePathFor(context) {
  return join6(context.workspace, ".optimization-gate-baseline");
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

// src/action/promote-flow.ts
function pullFiles(storeDir, manifest, profilesDir, evalDir) {
  const files = [];
  for (const run2 of manifest.runs) {
    const stem = run2.replace(/\.yaml$/, "");
    for (const name of [run2, `${stem}.stage_truth.json`]) if (existsSync7(join7(storeDir, name))) files.push({ path: `${profilesDir}/${name}`, local: join7(storeDir, name) });
  }
  if (manifest.eval_dir) {
    const root = join7(storeDir, manifest.eval_dir);
    for (const f of filesUnder(root)) files.push({ path: `${evalDir}/${relative3(root, f).split("\\").join("/")}`, local: f });
  }
  return files;
}
async function storeBaseline(session, source, promoted) {
  const { config, context, io } = session;
  const storeDir = join7(session.outDir, "baseline-store");
  rmSync4(storeDir, { recursive: true, force: true });
  const manifest = writeBaselineStore(storeDir, source, {
    created_at: (/* @__PURE__ */ new Date()).toISOString(),
    dataset_id: source.keyParts.datasetId,
    runner_key: source.keyParts.runnerKey,
    runner_name: source.runnerName,
    hostname: source.hostname,
    config_hash: source.keyParts.configHash,
    git_sha: source.run.headSha,
    git_ref: source.run.headBranch,
    workflow_run_id: context.runId
  });
  const withPromotion = { ...manifest, promoted };
  writeFileSync3(join7(storeDir, BASELINE_MANIFEST), `${JSON.stringify(withPromotion, null, 2)}
`);
  const name = baselineArtifactName(source.artifact.name, source.keyParts.datasetId, source.keyParts.configHash, source.keyParts.runnerKey);
  await session.artifacts.upload(name, filesUnder(storeDir), storeDir, config.retentionDays);
  io.info(`promoted baseline uploaded as artifact ${name}`);
  let where = `artifact ${name}`;
  if (session.cache.writable()) {
    const key = baselineCacheKey(source.keyParts, context.runId, context.runAttempt);
    try {
      rmSync4(session.storePath, { recursive: true, force: true });
      cpSync2(storeDir, session.storePath, { recursive: true });
      if (await session.cache.save([session.storePath], key)) where += ` and cache entry ${key}`;
    } catch (error) {
      io.warning(`promoted baseline not saved to the cache (${errorMessage(error)}); the artifact ${name} holds it`);
    } finally {
      rmSync4(session.storePath, { recursive: true, force: true });
    }
  }
  return { manifest: withPromotion, storeDir, where };
}
async function openPull(api, session, facts, files, readme, base) {
  const branch = `optimization-gate/promote-issue-${facts.issue}-run-${facts.sourceRunId}`;
  try {
    const pr = await api.openPullRequest({
      branch,
      base,
      message: `Promote run ${facts.sourceRunId} of issue #${facts.issue} to the baseline

Measured by ${facts.sourceRunUrl}; promoted by ${facts.by} (${facts.promoteRunUrl}).`,
      title: `optimization-gate: promoted baseline of issue #${facts.issue} (run ${facts.sourceRunId})`,
      body: `${readme.text}
The gates use this baseline already; merging keeps its trace in the repository.
`,
      files: [...files.map((f) => ({ path: f.path, content: readFileSync6(f.local) })), { path: readme.path, content: Buffer.from(readme.text) }]
    });
    return { kind: pr.reused ? "updated" : "opened", url: pr.htmlUrl, number: pr.number, branch };
  } catch (error) {
    const forbidden = /not permitted to create or approve pull requests/.test(errorMessage(error)) ? ' (Settings \u2192 Actions \u2192 General \u2192 "Allow GitHub Actions to create and approve pull requests" is off; turn it on, or open the pull request from the branch by hand)' : "";
    session.io.warning(`promote: the pull request was not opened: ${errorMessage(error)}${forbidden}`);
    return { kind: "failed", why: `${errorMessage(error)}${forbidden}`, ...error instanceof Error && error.name === "PullRequestRefused" ? { branch } : {} };
  }
}
async function tickStatus(session, api, issue, record) {
  try {
    const comment = await findStatusComment(api, issue, STATUS_MARKER);
    const read = readLedgerBlock(comment?.body ?? "", issue);
    if (read.warning) session.io.warning(read.warning);
    const { body } = renderStatusComment(addRecord(read.ledger, record));
    await writeStatusComment(api, issue, comment, body);
  } catch (error) {
    session.io.warning(`status comment on issue #${issue} not updated with the promotion: ${errorMessage(error)}`);
  }
}
async function promote(session, api, event, spec, runId, ctx, answer) {
  const { config, context, io } = session;
  const refuse = (why) => answer("refused", refusedAnswer(ctx, `${why} The baseline stays as it is.`));
  const issue = event.issueNumber;
  const runsUrl = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs`;
  let sourceId = runId;
  if (sourceId === void 0) {
    const status = await findStatusComment(api, issue, STATUS_MARKER);
    sourceId = latestShip(readLedgerBlock(status?.body ?? "", issue).ledger, runsUrl);
    if (sourceId === void 0) return refuse(`This issue's history shows no gate run that decided ship; name the run to promote: \`/optimization-gate promote <run id>\`.`);
    io.info(`promote: the newest ship on #${issue} is run ${sourceId}`);
  }
  const found = await findSource(session, api, sourceId, issue, DEFAULT_MEASURE_WORKFLOWS);
  if (!found.ok) return refuse(`Run ${sourceId} cannot be promoted: ${escapeInline(found.reason)}.`);
  const source = found.source;
  const unreadable = [];
  const runs = loadSide("candidate", source.profiles, source.evalDir, unreadable).runs;
  if (unreadable.length > 0 || runs.length === 0) return refuse(`Run ${sourceId}'s candidate cannot be read: ${escapeInline(unreadable.join("; ") || "no profile")}.`);
  const at = event.createdAt || (/* @__PURE__ */ new Date()).toISOString();
  const promoted = { issue, source_run_id: source.run.id, source_run_url: source.run.htmlUrl, by: event.authorLogin };
  const stored = await storeBaseline(session, source, promoted);
  const fill = (template) => template.replace(/\{issue\}/g, String(issue));
  const [profilesDir, evalDir] = [fill(config.promoteProfilesDir), fill(config.promoteEvalDir)];
  const files = pullFiles(stored.storeDir, stored.manifest, profilesDir, evalDir);
  const facts = {
    issue,
    by: event.authorLogin,
    at,
    sourceRunId: source.run.id,
    sourceRunUrl: source.run.htmlUrl,
    measured: `${source.run.headBranch} @ ${source.run.headSha.slice(0, 7)}`,
    promoteRunUrl: runUrl(context),
    datasetId: source.keyParts.datasetId,
    configHash: source.keyParts.configHash,
    runnerKey: source.keyParts.runnerKey,
    runnerName: source.runnerName,
    headline: headlineOf(
      runs,
      spec.thresholds.map((t) => t.metric)
    ),
    profileFiles: [...files.filter((f) => f.path.startsWith(`${profilesDir}/`)).map((f) => f.path), `${profilesDir}/README.md`],
    evalFiles: files.filter((f) => f.path.startsWith(`${evalDir}/`)).map((f) => f.path)
  };
  const readme = { path: `${profilesDir}/README.md`, text: promotionReadme(facts) };
  const pull = await openPull(api, session, facts, files, readme, context.defaultBranch ?? await api.getDefaultBranch());
  const prUrl = pull.kind === "failed" ? null : pull.url;
  const record = { ...promoted, run_id: Number(context.runId), run_url: runUrl(context), at, pr_url: prUrl, command_comment: event.id };
  const outcome = await answer("done", `${recordMarker("promote", record)}
${promotionRecordText(facts, pull, ctx.line, stored.where)}`);
  await tickStatus(session, api, issue, { kind: "promoted", at, by: event.authorLogin, run_url: source.run.htmlUrl, pr_url: prUrl });
  return outcome;
}

// src/action/thresholds.ts
var EMPTY = { thresholds: [], problems: [] };
var TRUSTED_PERMISSIONS = ["admin", "maintain", "write"];
function trustRefusal(issue, permission) {
  if (TRUSTED_PERMISSIONS.includes(permission)) return void 0;
  return `the thresholds of issue #${issue.number} are not trusted: its author ${issue.authorLogin || "(unknown)"} has ${permission} permission on this repository, and only authors with write, maintain or admin permission are trusted`;
}
async function loadThresholds(config, context, api, log) {
  const inline = config.thresholds.trim() !== "" ? parseInlineThresholds(config.thresholds) : void 0;
  const found = resolveIssueNumber(config, context);
  if (!found) {
    log(`no optimization issue found (input, dispatch input, PR body or branch name)${inline ? "; using the thresholds input alone" : ""}`);
    return { spec: inline ?? EMPTY };
  }
  const issue = { ...await api.getIssue(found.number), source: found.source };
  const permission = issue.authorLogin ? await api.getPermission(issue.authorLogin) : "none";
  log(`optimization issue #${issue.number} (from the ${found.source}), author ${issue.authorLogin}: ${permission} permission (association as this token sees it: ${issue.authorAssociation})`);
  const refusal = trustRefusal(issue, permission);
  if (refusal) return { spec: inline ?? EMPTY, issue, permission, refusal };
  const fromIssue = parseIssueThresholds(issue.body);
  return { spec: inline ? mergeThresholds(fromIssue, inline) : fromIssue, issue, permission };
}

// src/action/command-flow.ts
function patternCovers(pattern, metric) {
  const p = pattern.split(".");
  const m = metric.split(".");
  return p.length === m.length && p.every((segment, i) => segment === "*" || segment === m[i]);
}
async function runCommand(session) {
  const { context, io } = session;
  const event = context.comment;
  if (context.eventName !== "issue_comment" || !event) {
    throw new UserError(`mode command answers issue_comment events; this run is a ${context.eventName || "unknown"} event`);
  }
  if (event.action !== "created") {
    io.info(`comment ${event.id} was ${event.action || "changed"}, not created: only new comments are commands`);
    return { result: "ignored" };
  }
  const parsed = parseCommentCommand(event.body);
  if (parsed.kind === "none") {
    io.info(`comment ${event.id} is no /optimization-gate command`);
    return { result: "ignored" };
  }
  const api = session.api;
  if (!api) throw new UserError("input 'token': expected a token to answer the command");
  const ctx = { line: (event.body.split(/\r\n|\r|\n/)[0] ?? "").trim(), login: event.authorLogin };
  const answer = async (result, body) => {
    const comment = await api.createComment(event.issueNumber, body);
    io.info(`command ${result}: ${comment.htmlUrl}`);
    return { result, commentUrl: comment.htmlUrl };
  };
  const refuse = (why, usage = false) => answer("refused", refusedAnswer(ctx, why, usage ? COMMAND_USAGE : []));
  const permission = event.authorLogin ? await api.getPermission(event.authorLogin) : "none";
  io.info(`command from ${event.authorLogin || "(unknown)"} (${permission} permission) on #${event.issueNumber}`);
  if (!TRUSTED_PERMISSIONS.includes(permission)) {
    return refuse(
      `Thank you for the suggestion! Commands are carried out only for people with write, maintain or admin permission on this repository (${escapeInline(event.authorLogin || "the commenter")} has ${permission}); a maintainer can run it for you.`
    );
  }
  if (event.onPullRequest) return refuse("Commands work on the optimization issue, not on a pull request: comment on the issue that holds the thresholds.");
  const issue = await api.getIssue(event.issueNumber);
  const authorPermission = issue.authorLogin ? await api.getPermission(issue.authorLogin) : "none";
  const untrusted = trustRefusal(issue, authorPermission);
  if (untrusted) return refuse(`${escapeInline(untrusted)}.`);
  const spec = parseIssueThresholds(issue.body);
  if (spec.thresholds.length === 0) return refuse("This issue carries no `optimization-gate` threshold block, so there is nothing to measure, accept or promote.");
  if (parsed.kind === "invalid") return refuse(`The command could not be read: ${escapeInline(parsed.reason)}.`, true);
  const command = parsed.command;
  switch (command.name) {
    case "measure":
      return measure(session, api, event, command.ref, answer);
    case "accept": {
      const covered = spec.thresholds.some((t) => t.metric === command.metric || patternCovers(t.metric, command.metric));
      if (!covered) {
        const names = spec.thresholds.map((t) => codeSpan(t.metric)).join(", ");
        return refuse(`${codeSpan(command.metric)} is not a threshold of this issue (its thresholds: ${names}).`);
      }
      const acceptance = { metric: command.metric, by: event.authorLogin, at: event.createdAt || (/* @__PURE__ */ new Date()).toISOString(), reason: command.reason };
      const body = `${recordMarker("accept", { ...acceptance, command_comment: event.id })}
${acceptanceRecordText(acceptance, ctx.line)}`;
      return answer("done", body);
    }
    case "promote":
      return promote(session, api, event, spec, command.runId, ctx, answer).catch(async (error) => {
        await answer("refused", refusedAnswer(ctx, `Promoting failed: ${escapeInline(errorMessage(error))}. The baseline stays as it is.`));
        throw new UserError(`promote failed: ${errorMessage(error)}`);
      });
  }
}
async function measure(session, api, event, ref, answer) {
  const { config, context } = session;
  const ctx = { line: (event.body.split(/\r\n|\r|\n/)[0] ?? "").trim(), login: event.authorLogin };
  const branch = context.defaultBranch ?? await api.getDefaultBranch();
  const inputs = { "issue-number": String(event.issueNumber), ...ref ? { "candidate-ref": ref } : {} };
  try {
    await api.dispatchWorkflow(config.dispatchWorkflow, branch, inputs);
  } catch (error) {
    await answer("refused", refusedAnswer(ctx, `Dispatching ${codeSpan(config.dispatchWorkflow)} failed: ${escapeInline(errorMessage(error))}.`));
    throw new UserError(`dispatching ${config.dispatchWorkflow} failed: ${errorMessage(error)}`);
  }
  const what = ref ? codeSpan(ref) : "the default branch";
  return answer(
    "done",
    doneAnswer(ctx, `Dispatched ${codeSpan(config.dispatchWorkflow)} on ${codeSpan(branch)} for #${event.issueNumber}, measuring ${what}; its report is posted here when it finishes.`)
  );
}

// src/action/environment-error.ts
var ENVIRONMENT_CODES = {
  ENOSPC: "no space left on the device: free disk space on the runner",
  EDQUOT: "the disk quota is exceeded: free space on the runner or raise the quota",
  EFBIG: "a file grew past the size limit of the runner (ulimit -f)",
  EROFS: "the file system is read-only",
  EACCES: "permission denied: the runner user may not write there",
  EPERM: "operation not permitted for the runner user",
  EMFILE: "too many open files in the process (ulimit -n)",
  ENFILE: "too many open files on the runner",
  ENOMEM: "the runner is out of memory",
  EIO: "an input/output error of the device",
  EISDIR: "a folder stands where a file was expected",
  ERR_FS_EISDIR: "a folder stands where a file was expected",
  ENOTDIR: "a file stands where a folder was expected",
  ENAMETOOLONG: "a path is too long for the file system"
};
function environmentFailure(error) {
  const code2 = error?.code;
  const why = typeof code2 === "string" ? ENVIRONMENT_CODES[code2] : void 0;
  return why === void 0 ? void 0 : `the runner's environment failed: ${why} (${errorMessage(error)})`;
}

// src/action/fork-guard.ts
async function forkGuard(config, context, api) {
  if (config.mode === "aggregate" || config.mode === "command" || config.allowForkPrs) return void 0;
  const fromPayload = forkRefusal(config, context);
  if (fromPayload) return fromPayload;
  const ours = `${context.owner}/${context.repo}`.toLowerCase();
  const run2 = context.triggeringRun;
  if (run2 && run2.headRepo.toLowerCase() !== ours) {
    return refusalText(`the code of workflow run ${run2.id} (${run2.event || "unknown event"})`, run2.headRepo || "(deleted repository)");
  }
  const commented = context.commentedPullRequest;
  if (commented !== void 0) {
    if (!api) return refusalText(`pull request #${commented} (an issue_comment run; without a token its origin cannot be checked)`, "(unknown)");
    const pull = await api.getPullRequest(commented);
    if (pull.headRepo.toLowerCase() !== ours) return refusalText(`pull request #${commented}`, pull.headRepo || "(deleted repository)");
  }
  return void 0;
}

// src/action/gate-flow.ts
import { join as join16 } from "node:path";

// src/action/git.ts
import { execFileSync } from "node:child_process";
import { relative as relative4, resolve as resolve3 } from "node:path";
function git(cwd, args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}
function commitOf(repoDir, name) {
  try {
    return git(repoDir, ["rev-parse", "--verify", "--quiet", `${name}^{commit}`]);
  } catch {
    return void 0;
  }
}
function resolveRef(repoDir, ref) {
  const candidates = ref.startsWith("refs/") ? [ref] : [`refs/remotes/origin/${ref}`, `refs/heads/${ref}`];
  for (const candidate of candidates) {
    const sha = commitOf(repoDir, candidate);
    if (sha) return sha;
  }
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    const sha = commitOf(repoDir, ref);
    if (sha) return sha;
  }
  if (!ref.startsWith("refs/") && commitOf(repoDir, `refs/tags/${ref}`)) {
    throw new UserError(`baseline ref "${ref}" is a tag, not a branch: write ref:refs/tags/${ref} to measure the tag`);
  }
  throw new UserError(`baseline ref "${ref}" is not in the checkout`, ["check out with fetch-depth: 0 (actions/checkout), or fetch the base ref before this step"]);
}
function fetchRef(repoDir, ref) {
  const specs = /^[0-9a-f]{40}$/i.test(ref) ? [ref] : ref.startsWith("refs/") ? [`+${ref}:${ref}`] : [`+refs/heads/${ref}:refs/remotes/origin/${ref}`, `+refs/tags/${ref}:refs/tags/${ref}`];
  let last = "";
  for (const spec of specs) {
    try {
      git(repoDir, ["fetch", "--no-tags", "--depth=1", "origin", spec]);
      return void 0;
    } catch (error) {
      last = errorMessage(error).split("\n").filter((l) => l.trim() !== "").slice(-1)[0] ?? "";
    }
  }
  return last || "git fetch failed";
}
function addWorktree(workingDir, ref, path) {
  let top;
  try {
    top = git(workingDir, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    throw new UserError(`baseline ref:${ref} needs a git checkout: ${workingDir} is not one (${errorMessage(error)})`);
  }
  let sha;
  try {
    sha = resolveRef(top, ref);
  } catch (missing) {
    const failed = fetchRef(top, ref);
    if (failed !== void 0) {
      throw new UserError(`baseline ref "${ref}" is not in the checkout, and fetching it from origin failed: ${failed}`, [
        "check out with fetch-depth: 0 (actions/checkout), or keep the checkout's credentials for a private repository"
      ]);
    }
    try {
      sha = resolveRef(top, ref);
    } catch {
      throw missing;
    }
  }
  try {
    git(top, ["worktree", "add", "--detach", "--force", path, sha]);
  } catch (error) {
    throw new UserError(`cannot create a worktree of ${ref} at ${path}: ${errorMessage(error)}`);
  }
  return {
    cwd: resolve3(path, relative4(top, resolve3(workingDir))),
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
import { existsSync as existsSync10 } from "node:fs";
import { join as join9, resolve as resolve6 } from "node:path";

// src/action/experiment.ts
import { copyFileSync, existsSync as existsSync8, mkdirSync as mkdirSync2, statSync as statSync3 } from "node:fs";
import { join as join8, resolve as resolve4 } from "node:path";
var EVAL_FILES = [EVAL_METRICS_FILE, PIPELINE_METRICS_FILE, FINGERPRINT_FILE];
function copyEvalResults(source, evalDir) {
  const present = EVAL_FILES.filter((name) => existsSync8(join8(source, name)));
  if (!present.includes(EVAL_METRICS_FILE) && !present.includes(PIPELINE_METRICS_FILE)) {
    return { files: [], failure: `experiment-output: no ${EVAL_METRICS_FILE} or ${PIPELINE_METRICS_FILE} in ${source} (no experiment-command ran to write them)` };
  }
  mkdirSync2(evalDir, { recursive: true });
  for (const name of present) copyFileSync(join8(source, name), join8(evalDir, name));
  return { files: present.map((name) => join8(evalDir, name)) };
}
async function runExperiment(options, runner) {
  const started = Date.now();
  options.log(`experiment: bash -c <experiment-command> in ${options.cwd}`);
  const running = await runner.start({
    argv: ["bash", "-c", options.command],
    cwd: options.cwd,
    // The runner removes what only the action may hold (tokens, runtime URLs: measure/measured-env.ts).
    env: { ...process.env, ...options.env },
    output: "inherit",
    containment: options.containment ?? "auto"
  });
  const signalTree = (sig) => running.signalTree ? running.signalTree(sig) : running.signalGroup(sig);
  let stopped;
  const stop = (why) => {
    stopped ??= why;
    signalTree("SIGTERM");
    setTimeout(() => signalTree("SIGKILL"), 5e3).unref();
  };
  const timer = setTimeout(() => stop("timed out"), options.timeoutS * 1e3);
  const onAbort = () => stop("cancelled");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const exit = await running.exited;
  clearTimeout(timer);
  options.signal.removeEventListener("abort", onAbort);
  const end = await running.finish?.();
  if (end?.leftover) options.log(`experiment: ended ${end.leftover} process(es) it left running`);
  for (const problem of end?.problems ?? []) options.log(`experiment: warning: ${problem}`);
  options.log(`experiment: ended after ${((Date.now() - started) / 1e3).toFixed(1)} s (${stopped ?? `exit code ${exit.exitCode ?? exit.signal}`})`);
  const source = resolve4(options.cwd, options.outputDir);
  mkdirSync2(options.evalDir, { recursive: true });
  const files = [];
  const stale = [];
  for (const name of EVAL_FILES) {
    if (existsSync8(join8(source, name))) {
      if (statSync3(join8(source, name)).mtimeMs < started - 1e3) {
        stale.push(name);
        continue;
      }
      copyFileSync(join8(source, name), join8(options.evalDir, name));
      files.push(join8(options.evalDir, name));
    }
  }
  let failure;
  if (stopped) failure = `the experiment command was ${stopped}`;
  else if (exit.exitCode !== 0) failure = `the experiment command failed (${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.exitCode}`})`;
  else if (files.every((f) => f.endsWith(FINGERPRINT_FILE))) {
    failure = `the experiment command wrote neither ${EVAL_METRICS_FILE} nor ${PIPELINE_METRICS_FILE} in ${source}${stale.length > 0 ? ` (${stale.join(", ")} there predate this run)` : ""}`;
  }
  return { ok: failure === void 0, ...failure ? { failure } : {}, evalDir: options.evalDir, files };
}

// src/action/profile-output.ts
import { existsSync as existsSync9, lstatSync as lstatSync2, realpathSync as realpathSync2, rmSync as rmSync5 } from "node:fs";
import { dirname as dirname2, isAbsolute as isAbsolute2, relative as relative5, resolve as resolve5, sep as sep2 } from "node:path";
function inside(root, path) {
  const rel = relative5(root, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep2}`) && !isAbsolute2(rel);
}
function realLocation(path) {
  let dir = dirname2(path);
  while (!existsSync9(dir) && dirname2(dir) !== dir) dir = dirname2(dir);
  return resolve5(realpathSync2(dir), relative5(dir, path));
}
function check(cwd, path, shown) {
  const refuse = (why) => new UserError(`input '${Inputs.ProfileOutput}': ${shown} ${why}`);
  if (!inside(resolve5(cwd), path) || !inside(realpathSync2(cwd), realLocation(path))) {
    throw refuse("is outside the working directory: the freeze must write its profile inside it (a stale one there is removed before each run)");
  }
  if (!existsSync9(path) && !isLink(path)) return;
  const stat = lstatSync2(path);
  if (stat.isDirectory()) throw refuse("is a directory: expected the path of the profile YAML the freeze writes (e.g. out/profile.yaml)");
  if (!stat.isFile()) throw refuse("is not a regular file (a symbolic link or a device): expected the path of the profile YAML the freeze writes");
}
function isLink(path) {
  try {
    return lstatSync2(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function profileOutputPath(cwd, profileOutput) {
  const path = resolve5(cwd, profileOutput);
  check(cwd, path, profileOutput);
  return path;
}
function removeStaleOutputs(cwd, paths) {
  for (const path of paths) {
    check(cwd, path, relative5(cwd, path));
    rmSync5(path, { force: true });
  }
}

// src/action/external-runs.ts
import { copyFileSync as copyFileSync2, mkdirSync as mkdirSync3, rmSync as rmSync6 } from "node:fs";
import { dirname as dirname3 } from "node:path";
function shellCommand(command) {
  return ["bash", "-c", command];
}
async function externalRun(target, ctx, stem) {
  const { config } = ctx;
  const written = profileOutputPath(target.cwd, config.profileOutput ?? "");
  removeStaleOutputs(target.cwd, [written, stageTruthPathFor(written)]);
  mkdirSync3(dirname3(written), { recursive: true });
  try {
    const result = await (ctx.externalImpl ?? runExternalFreeze)(
      {
        command: shellCommand(config.profileCommand ?? ""),
        output: written,
        cwd: target.cwd,
        env: { ...ctx.env, [PROFILE_OUTPUT_ENV]: written },
        containment: config.containment,
        timeoutS: config.timeoutMinutes * 60,
        signal: ctx.signal
      },
      ctx.measureDeps
    );
    for (const warning of result.warnings) ctx.log(`[${target.label}] warning: ${warning}`);
    for (const note of result.notes.slice(1)) ctx.log(`[${target.label}] ${note}`);
    const files = runFilesOf(stem);
    copyFileSync2(result.profilePath, files.profile);
    if (result.stageTruthPath) copyFileSync2(result.stageTruthPath, files.stageTruth);
    return { profile: files.profile };
  } catch (error) {
    return { failure: `external freeze: ${error.message}` };
  }
}
async function externalSlot(target, ctx, slot) {
  if (slot.kind === "warm-up") {
    const stem = `${target.stem}.warmup-${slot.round}`;
    const { failure } = await externalRun(target, ctx, stem);
    for (const suffix of RUN_FILE_SUFFIXES) rmSync6(`${stem}${suffix}`, { force: true });
    return failure ? { failed: `warm-up ${slot.round}: ${failure}` } : {};
  }
  const outcome = await externalRun(target, ctx, repeatStem(target.stem, slot.round, Math.max(ctx.repeat, slot.round)));
  return { ...outcome.profile ? { profile: outcome.profile } : {}, ...outcome.failure ? { failed: `run ${slot.round}: ${outcome.failure}` } : {} };
}

// src/action/measure-sides.ts
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
function openSide(target, ctx) {
  const { config } = ctx;
  return openFreeze(
    {
      version: target.version,
      datasetId: config.datasetId,
      output: `${target.stem}${PROFILE_SUFFIX}`,
      command: shellCommand(config.profileCommand ?? ""),
      sampleIntervalS: config.sampleInterval,
      warmup: config.warmup,
      repeat: ctx.repeat,
      stages: config.stages,
      timeoutS: config.timeoutMinutes * 60,
      cwd: target.cwd,
      env: ctx.env,
      containment: config.containment,
      signal: ctx.signal,
      onProgress: progressLogger(target, ctx)
    },
    { environment: ctx.environment ??= sharedEnvironment(), ...ctx.measureDeps }
  );
}
function measuredFiles(sides) {
  const files = [];
  for (const side of sides) {
    for (const profile of side.profiles) {
      const run2 = runFilesOf(profileStem(profile));
      files.push(profile, run2.stageTruth, run2.samples, run2.events);
    }
    const median2 = runFilesOf(side.target.stem);
    files.push(median2.profile, median2.stageTruth);
    if (side.evalDir) files.push(join9(side.evalDir, EVAL_METRICS_FILE), join9(side.evalDir, PIPELINE_METRICS_FILE), join9(side.evalDir, FINGERPRINT_FILE));
  }
  return [...new Set(files)].filter((f) => existsSync10(f));
}
async function measureSides(targets, ctx) {
  const sides = targets.map((target) => ({ target, profiles: [], failures: [] }));
  const { config } = ctx;
  if (config.profileMode === "external") for (const target of targets) profileOutputPath(target.cwd, config.profileOutput ?? "");
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
          evalDir: evalDirFor(side.target.stem),
          env: ctx.env,
          containment: config.containment,
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
  } else if (config.experimentOutput) {
    for (const side of sides) {
      const source = resolve6(side.target.cwd, config.experimentOutput);
      const copied = copyEvalResults(source, evalDirFor(side.target.stem));
      if (copied.failure) side.failures.push(copied.failure);
      else {
        side.evalDir = evalDirFor(side.target.stem);
        ctx.log(`[${side.target.label}] eval results from ${source} (no experiment-command)`);
      }
    }
  }
  if (!config.profileCommand) return sides;
  ctx.schedule = sidesSchedule(sides, ctx);
  await ctx.schedule.run(ctx.schedule.slots.filter((s) => s.kind !== "confirmation"));
  return sides;
}
async function measureConfirmationRound(sides, ctx, round) {
  const names = new Set(sides.map((s) => s.target.name));
  await ctx.schedule?.run(confirmationSlots(ctx.schedule.slots, round).filter((s) => names.has(s.side)));
}
function sidesSchedule(sides, ctx) {
  const { config } = ctx;
  const byName = new Map(sides.map((side) => [side.target.name, side]));
  const freezers = /* @__PURE__ */ new Map();
  const experimentFailures = new Map(sides.map((side) => [side.target.name, [...side.failures]]));
  const externalFailures = new Map(sides.map((side) => [side.target.name, []]));
  const slots = planSchedule({
    sides: sides.map((s) => s.target.name),
    warmup: config.warmup,
    repeat: ctx.repeat,
    interleave: true,
    confirmationRounds: config.confirmRuns
  });
  const execute = async (slot) => {
    const side = byName.get(slot.side);
    if (config.profileMode === "native") {
      let freezer = freezers.get(slot.side);
      if (!freezer) freezers.set(slot.side, freezer = openSide(side.target, ctx));
      return freezer.execute(slot);
    }
    const result = await externalSlot(side.target, ctx, slot);
    if (result.failed) externalFailures.get(slot.side)?.push(result.failed);
    return result;
  };
  const onSlot = (slot) => {
    const side = byName.get(slot.side);
    const of = Math.max(slot.round, slot.kind === "warm-up" ? config.warmup : ctx.repeat);
    if (slot.kind === "warm-up") ctx.log(`[${side.target.label}] warm-up ${slot.round} of ${of} (not measured)`);
    else ctx.log(`[${side.target.label}] measured run ${slot.round} of ${of}${slot.kind === "confirmation" ? " (confirmation)" : ""}`);
    ctx.onSlot?.(slot);
  };
  const run2 = async (some) => {
    const outcome = await runSchedule(some, execute, { signal: ctx.signal, recordOrder: true, onSlot, ...ctx.budget ? { budget: ctx.budget } : {} });
    for (const { slot, result } of outcome.ran) if (result.profile && existsSync10(result.profile)) byName.get(slot.side)?.profiles.push(result.profile);
    for (const side of sides) {
      const name = side.target.name;
      const freezer = freezers.get(name);
      side.failures = [...experimentFailures.get(name) ?? [], ...freezer ? freezeFailures(freezer.finish(outcome.stop)) : externalFailures.get(name) ?? []];
      if (outcome.stop?.by === "budget" && side.profiles.length === 0) side.failures.push("max-cost-usd allows no measured run");
    }
  };
  return { slots, run: run2 };
}

// src/action/resolve-baseline.ts
import { join as join12 } from "node:path";

// src/action/base-ref-files.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { mkdirSync as mkdirSync4, writeFileSync as writeFileSync4 } from "node:fs";
import { dirname as dirname4, join as join10, posix, relative as relative6, resolve as resolve7 } from "node:path";
var MAX_BLOB_BYTES = 512 * 1024 * 1024;
function git2(cwd, args) {
  return execFileSync2("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 }).trim();
}
function lsTree(top, commit, path, recursive) {
  const out = execFileSync2("git", ["ls-tree", "-z", ...recursive ? ["-r"] : [], commit, ...path === "" ? [] : ["--", path]], {
    cwd: top,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024
  });
  return out.split("\0").filter((r) => r !== "").map((record) => {
    const tab = record.indexOf("	");
    const [mode = "", type = "", sha = ""] = record.slice(0, tab).split(" ");
    return { mode, type, sha, path: record.slice(tab + 1) };
  });
}
function hasCommit(top, sha) {
  try {
    git2(top, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
function ensureCommit(top, sha) {
  if (hasCommit(top, sha)) return;
  try {
    execFileSync2("git", ["fetch", "--no-tags", "--quiet", "--depth=1", "origin", sha], { cwd: top, stdio: ["ignore", "pipe", "pipe"], timeout: 12e4 });
  } catch (error) {
    throw new UserError(`the base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched (${errorMessage(error).split("\n")[0]})`, [
      "check out with fetch-depth: 0 (or 2 for a pull request), so the base commit is there"
    ]);
  }
  if (!hasCommit(top, sha)) throw new UserError(`the base commit ${sha.slice(0, 12)} is not in the checkout`);
}
function gitTopLevel(workingDir) {
  try {
    return git2(workingDir, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    throw new UserError(`a baseline named on the issue is read from the base commit, but ${workingDir} is not a git checkout (${errorMessage(error).split("\n")[0]})`);
  }
}
function filesAtCommit(workingDir, commit, names, into) {
  const top = gitTopLevel(workingDir);
  ensureCommit(top, commit);
  const prefix = relative6(top, resolve7(workingDir)).split("\\").join("/");
  const wanted = [];
  for (const name of names) {
    const path = posix.normalize(posix.join(prefix, name.split("\\").join("/")));
    if (path.startsWith("../") || path === ".." || posix.isAbsolute(path)) continue;
    const [entry] = lsTree(top, commit, path, false).filter((e) => e.path === path);
    if (!entry) continue;
    if (entry.mode === "120000") {
      throw new UserError(`baseline "${name}" is a symbolic link in the base commit ${commit.slice(0, 12)}: name the file it points to`);
    }
    if (entry.type === "tree") pushAll(wanted, lsTree(top, commit, `${path}/`, true));
    else {
      const folder = posix.dirname(path);
      pushAll(wanted, lsTree(top, commit, folder === "." ? "" : `${folder}/`, false));
      pushAll(wanted, lsTree(top, commit, `${evalDirFor(path)}/`, true));
    }
  }
  for (const entry of wanted) {
    if (entry.type !== "blob" || entry.mode === "120000") continue;
    const target = join10(into, entry.path);
    mkdirSync4(dirname4(target), { recursive: true });
    writeFileSync4(target, execFileSync2("git", ["cat-file", "blob", entry.sha], { cwd: top, stdio: ["ignore", "pipe", "pipe"], maxBuffer: MAX_BLOB_BYTES }));
  }
  const root = prefix === "" ? into : join10(into, prefix);
  mkdirSync4(root, { recursive: true });
  return root;
}

// src/action/stored-baseline.ts
import { createHash as createHash3 } from "node:crypto";
import { cpSync as cpSync3, existsSync as existsSync11, mkdirSync as mkdirSync5, readdirSync as readdirSync3, readFileSync as readFileSync7, rmSync as rmSync7 } from "node:fs";
import { join as join11 } from "node:path";

// src/action/promoted-baseline.ts
var id = (v) => typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : void 0;
async function confirmPromotion(api, run2, manifest) {
  const claim = manifest?.promoted;
  const issue = isObject(claim) ? id(claim.issue) : void 0;
  const source = isObject(claim) ? id(claim.source_run_id) : void 0;
  if (issue === void 0 || source === void 0) return { ok: false, reason: `run ${run2.id} is a commands-workflow run, but its baseline names no promotion (issue and source run)` };
  if (manifest?.workflow_run_id !== String(run2.id)) return { ok: false, reason: `its manifest says run ${String(manifest?.workflow_run_id)} stored it, not run ${run2.id}` };
  const { me, records } = await readOwnRecords(api, issue);
  if (me === void 0) return { ok: false, reason: `GitHub did not say who this token is, so the promote record of run ${run2.id} on issue ${issue} cannot be verified` };
  const record = records.find((r) => r.kind === "promote" && r.data.run_id === run2.id && r.data.source_run_id === source && r.data.issue === issue);
  if (!record) return { ok: false, reason: `no promote record written by ${me} on issue ${issue} names run ${run2.id} promoting run ${source}` };
  const { by, at, source_run_url: url } = record.data;
  return {
    ok: true,
    promoted: {
      issue,
      source_run_id: source,
      source_run_url: typeof url === "string" ? url : "",
      by: typeof by === "string" ? by : "",
      at: typeof at === "string" ? at : "",
      record_url: record.comment.htmlUrl
    }
  };
}

// src/action/stored-baseline.ts
var MAX_CANDIDATES = 10;
async function expectation(deps) {
  const { context, api } = deps;
  const defaultBranch = context.defaultBranch ?? await api.getDefaultBranch();
  return {
    repository: `${context.owner}/${context.repo}`,
    defaultBranch,
    refreshWorkflows: deps.refreshWorkflows ?? DEFAULT_REFRESH_WORKFLOWS,
    commandsWorkflows: DEFAULT_COMMANDS_WORKFLOWS
  };
}
async function trustedProvenance(verdict, files, source, entry, expect, deps) {
  const workflows = [...expect.refreshWorkflows, ...expect.commandsWorkflows ?? []];
  if (verdict.kind === "refresh") return provenanceOf(verdict.run, source, entry, workflows);
  const promotion = await confirmPromotion(deps.api, verdict.run, files.manifest);
  return promotion.ok ? provenanceOf(verdict.run, source, entry, workflows, promotion.promoted) : promotion.reason;
}
function manifestMismatch(files, where) {
  const m = files.manifest;
  if (!m) return void 0;
  if (m.config_hash !== where.keyParts.configHash) {
    return `the stored baseline was measured with pipeline config ${String(m.config_hash ?? "(not recorded)")}, this run has ${where.keyParts.configHash} (the pipeline-config files changed): not comparable; run the baseline refresh again`;
  }
  if (m.dataset_id !== where.keyParts.datasetId) {
    return `the stored baseline is of dataset ${String(m.dataset_id)}, this run measures ${where.keyParts.datasetId}: not comparable`;
  }
  return void 0;
}
function filesOf(dir, rel = "") {
  return readdirSync3(join11(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel === "" ? e.name : join11(rel, e.name);
    return e.isDirectory() ? filesOf(dir, path) : [path];
  });
}
var digest = (path) => createHash3("sha256").update(readFileSync7(path)).digest("hex");
function differingFiles(cacheDir, artifactDir) {
  return filesOf(cacheDir).filter((f) => !existsSync11(join11(artifactDir, f)) || digest(join11(cacheDir, f)) !== digest(join11(artifactDir, f)));
}
async function download(artifact, into, deps) {
  rmSync7(into, { recursive: true, force: true });
  await deps.artifacts.download(artifact.id, into, {
    token: deps.token,
    owner: deps.context.owner,
    repo: deps.context.repo,
    workflowRunId: artifact.workflowRunId
  });
}
async function restoreFromArtifact(where, deps) {
  if (!deps.api) throw new Error("no token: cannot look up artifacts of other runs");
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.configHash, where.keyParts.runnerKey);
  const expect = await expectation(deps);
  const refused = [];
  for (const artifact of (await deps.api.listArtifactsNamed(name)).slice(0, MAX_CANDIDATES)) {
    const verdict = await verifyStoringRun(deps.api, artifact.workflowRunId, expect);
    if (!verdict.ok) {
      refused.push(`artifact ${name} (id ${artifact.id}): ${verdict.reason}`);
      continue;
    }
    const into = join11(where.outDir, "baseline");
    await download(artifact, into, deps);
    const read = readBaselineStore(into, "");
    const provenance = await trustedProvenance(verdict, read, "artifact", `${name} (id ${artifact.id})`, expect, deps);
    if (typeof provenance === "string") {
      refused.push(`artifact ${name} (id ${artifact.id}): ${provenance}`);
      continue;
    }
    deps.log(`baseline downloaded from artifact ${name} (id ${artifact.id}, run ${artifact.workflowRunId}, ${artifact.createdAt})`);
    return { found: { files: { ...read, origin: describeProvenance(provenance) }, provenance }, refused };
  }
  return { refused };
}
function runOfCacheKey(key, prefix) {
  const match = key.startsWith(prefix) ? /^(\d{1,20})-(\d{1,6})$/.exec(key.slice(prefix.length)) : null;
  return match ? { runId: Number(match[1]), attempt: Number(match[2]) } : void 0;
}
async function verifyCacheEntry(key, prefix, into, where, deps) {
  const refuse = (why) => ({ refused: [`cache entry ${key}: ${why}`] });
  const named = runOfCacheKey(key, prefix);
  if (!named) return refuse("its key names no run");
  if (!deps.api) return refuse("no token to verify the run that saved it");
  const expect = await expectation(deps);
  const verdict = await verifyStoringRun(deps.api, named.runId, expect);
  if (!verdict.ok) return refuse(verdict.reason);
  if (named.attempt > verdict.run.runAttempt) return refuse(`run ${named.runId} has no attempt ${named.attempt}`);
  const name = baselineArtifactName(where.artifactName, where.keyParts.datasetId, where.keyParts.configHash, where.keyParts.runnerKey);
  const artifact = (await deps.api.listArtifactsNamed(name)).find((a) => a.workflowRunId === named.runId);
  if (!artifact) return refuse(`run ${named.runId} left no artifact ${name} to check the entry against (expired?)`);
  const read = readBaselineStore(into, "");
  const provenance = await trustedProvenance(verdict, read, "cache", key, expect, deps);
  if (typeof provenance === "string") return refuse(provenance);
  const files = { ...read, origin: describeProvenance(provenance) };
  const check2 = `${into}.artifact`;
  await download(artifact, check2, deps);
  const differing = differingFiles(into, check2);
  rmSync7(check2, { recursive: true, force: true });
  if (differing.length > 0) {
    return refuse(`its files differ from the artifact run ${named.runId} uploaded (${differing.slice(0, 5).join(", ")}): forged or corrupted`);
  }
  return { found: { files, provenance }, refused: [] };
}
async function restoreFromCache(where, deps, into) {
  const prefix = baselineCachePrefix(where.keyParts);
  rmSync7(where.storePath, { recursive: true, force: true });
  const key = await deps.cache.restore([where.storePath], prefix, [prefix]);
  if (key === void 0 || !existsSync11(where.storePath)) return { refused: [] };
  rmSync7(into, { recursive: true, force: true });
  mkdirSync5(join11(into, ".."), { recursive: true });
  cpSync3(where.storePath, into, { recursive: true });
  rmSync7(where.storePath, { recursive: true, force: true });
  deps.log(`baseline restored from the cache (key ${key}); verifying the run that saved it`);
  try {
    const lookup = await verifyCacheEntry(key, prefix, into, where, deps);
    if (lookup.found) deps.log(`cache entry verified: ${lookup.found.files.origin}`);
    return lookup;
  } catch (error) {
    return { refused: [`cache entry ${key}: cannot be verified (${errorMessage(error)})`] };
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
function refusedNote(refused) {
  return refused.length > 0 ? `; refused (not from a verified baseline refresh): ${refused.join("; ")}` : "";
}
function storedPlan(found, where) {
  const mismatch = manifestMismatch(found.files, where);
  return mismatch ? { kind: "missing", reason: mismatch } : { kind: "files", files: found.files, provenance: found.provenance };
}
async function planBaseline(source, where, deps) {
  const how = `runner key ${where.keyParts.runnerKey}, dataset ${where.keyParts.datasetId}, config hash ${where.keyParts.configHash}`;
  try {
    switch (source.kind) {
      case "ref":
        return { kind: "ref", ref: source.ref };
      case "path": {
        const files = source.from === "input baseline" ? resolvePathBaseline(source.path, where.workingDir, { insideCheckout: false }) : await issuePathBaseline(source.path, where, deps);
        const mismatch = files.manifest ? manifestMismatch(files, where) : void 0;
        return mismatch ? { kind: "missing", reason: mismatch } : { kind: "files", files };
      }
      case "artifact": {
        const lookup = await restoreFromArtifact(where, deps);
        if (lookup.found) for (const r of lookup.refused) deps.log(`refused ${r}`);
        if (lookup.found) return storedPlan(lookup.found, where);
        return {
          kind: "missing",
          reason: `no baseline artifact of a verified refresh for ${how}: run the baseline refresh (mode: baseline) on this runner first${refusedNote(lookup.refused)}`
        };
      }
      case "cache":
      case "auto": {
        const cached = await restoreFromCache(where, deps, join12(where.outDir, "baseline"));
        if (cached.found) return storedPlan(cached.found, where);
        for (const r of cached.refused) deps.log(`refused ${r}`);
        let refused = cached.refused;
        if (deps.api) {
          const fallback = await restoreFromArtifact(where, deps).catch((error) => {
            deps.log(`no baseline artifact either: ${errorMessage(error)}`);
            return { refused: [] };
          });
          if (fallback.found) return storedPlan(fallback.found, where);
          refused = [...refused, ...fallback.refused];
        }
        return {
          kind: "missing",
          reason: `no stored baseline for ${how} (neither in the cache nor as an artifact): run the baseline refresh (mode: baseline) on this runner, or set baseline: ref:<base branch> to measure it in this job${refusedNote(refused)}`
        };
      }
    }
  } catch (error) {
    if (isUserError(error)) return { kind: "missing", reason: `baseline (${source.from}): ${error.message}` };
    return { kind: "missing", reason: `baseline (${source.from}) could not be restored: ${errorMessage(error)}` };
  }
}
async function issueBaseCommit(where, deps) {
  const pr = deps.context.pullRequest;
  if (pr?.baseSha) return { sha: pr.baseSha, label: `the base commit of pull request #${pr.number} (${pr.baseRef} @ ${pr.baseSha.slice(0, 7)})` };
  const branch = deps.context.defaultBranch ?? (deps.api ? await deps.api.getDefaultBranch() : void 0);
  if (!branch) throw new UserError("a baseline named on the issue is read from the default branch, but the default branch is not known (no token)");
  const sha = resolveRef(gitTopLevel(where.workingDir), branch);
  return { sha, label: `the default branch (${branch} @ ${sha.slice(0, 7)})` };
}
async function issueEvalRoot(name, where, deps) {
  const base = await issueBaseCommit(where, deps);
  const into = join12(where.outDir, "issue-baseline-eval");
  const names = [name, .../^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? EVAL_RUN_FOLDERS.map((folder) => `${folder}/${name}`) : []];
  let root = filesAtCommit(where.workingDir, base.sha, names, into);
  const runId = /\.ya?ml$/i.test(name) ? experimentRunId(join12(root, name)) : void 0;
  if (runId !== void 0) root = filesAtCommit(where.workingDir, base.sha, [`data/eval/runs/${runId}`], into);
  deps.log(`baseline eval results ${name} read from ${base.label}, not from the checkout`);
  return { root, label: base.label };
}
async function issuePathBaseline(name, where, deps) {
  const base = await issueBaseCommit(where, deps);
  const root = filesAtCommit(where.workingDir, base.sha, baselinePathNames(name), join12(where.outDir, "issue-baseline"));
  const files = resolvePathBaseline(name, root, { insideCheckout: true });
  deps.log(`baseline ${name} read from ${base.label}, not from the checkout`);
  return { ...files, origin: `${files.origin} at ${base.label}` };
}

// src/action/baseline-eval.ts
function baselineEvalName(config, spec) {
  if (config.baselineEval !== void 0) return { name: config.baselineEval, from: "input" };
  if (config.baseline.kind === "auto" && spec.baselineEval !== void 0) return { name: spec.baselineEval, from: "issue" };
  return void 0;
}
function resolveBaselineEval(named, workingDir, at) {
  try {
    const found = resolveEvalDir(named.name, workingDir, { insideCheckout: named.from === "issue" });
    return { found: at === void 0 ? found : { ...found, origin: `${found.origin} at ${at}` } };
  } catch (error) {
    const where = named.from === "input" ? "input 'baseline-eval'" : "issue baseline: eval";
    return { error: `baseline eval results (${where}): ${isUserError(error) ? error.message : errorMessage(error)}` };
  }
}

// src/action/hypotheses.ts
import { writeFileSync as writeFileSync5 } from "node:fs";
import { join as join13 } from "node:path";
var HYPOTHESES_FILE = "hypotheses.json";
async function loadHypotheses(session) {
  const { config, context, io, api } = session;
  const notes = [];
  let trust;
  const found = resolveIssueNumber(config, context);
  let spec = config.thresholds.trim() !== "" ? parseInlineThresholds(config.thresholds) : { thresholds: [], problems: [] };
  if (found && api) {
    try {
      const loaded = await loadThresholds(config, context, api, (line) => io.info(line));
      if (loaded.issue) trust = { author: loaded.issue.authorLogin, permission: loaded.permission ?? "none", trusted: loaded.refusal === void 0 };
      if (loaded.refusal) notes.push(`hypotheses of issue #${found.number} not evaluated: ${loaded.refusal}`);
      spec = loaded.spec;
    } catch (error) {
      notes.push(`hypotheses of issue #${found.number} not evaluated: the issue could not be read (${errorMessage(error)})`);
    }
  }
  for (const problem of spec.problems) io.warning(formatProblem(problem), { title: "optimization-gate: problem in the issue block" });
  if (spec.problems.length > 0) notes.push(`${spec.problems.length} problem(s) in the thresholds/hypotheses block (see the warnings): a hypothesis with a problem is not evaluated`);
  for (const note of notes) io.warning(note);
  return { hypotheses: spec.hypotheses ?? [], notes, spec, ...trust ? { trust } : {}, ...spec.maxCostUsd !== void 0 ? { maxCostUsd: spec.maxCostUsd } : {} };
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
  const path = join13(dir, HYPOTHESES_FILE);
  writeFileSync5(path, renderHypothesesJson(results));
  return [path];
}

// src/action/budget.ts
import { existsSync as existsSync12 } from "node:fs";
import { join as join14 } from "node:path";
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
    const path = evalDir ? join14(evalDir, PIPELINE_METRICS_FILE) : void 0;
    if (!path || !existsSync12(path)) return void 0;
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

// src/action/status.ts
import { existsSync as existsSync13, readFileSync as readFileSync8, writeFileSync as writeFileSync6 } from "node:fs";
import { join as join15 } from "node:path";
var STATUS_LEDGER_FILE = "status-ledger.json";
async function openStatus(session, issueNumber) {
  const { api, config } = session;
  if (!api || issueNumber === void 0 || !config.comment.issue) return void 0;
  const handle = { issueNumber, comment: void 0, faults: [] };
  try {
    handle.comment = await findStatusComment(api, issueNumber, STATUS_MARKER);
    if (!handle.comment) handle.comment = await writeStatusComment(api, issueNumber, void 0, renderStatusComment(emptyLedger(issueNumber)).body);
  } catch (error) {
    handle.faults.push(`status comment on issue #${issueNumber}: ${errorMessage(error)}`);
  }
  return handle;
}
function timelineOfRun(profilePath, label) {
  const samplesPath = profilePath.replace(/\.ya?ml$/i, ".samples.jsonl");
  if (!existsSync13(samplesPath)) return null;
  const scan = scanSamplesFile(samplesPath);
  const start = scan.header.started_at;
  const last = scan.lastSampleT ?? start;
  const eventsPath = scan.header.events_path;
  const parsed = eventsPath && existsSync13(eventsPath) ? parseEventsText(readFileSync8(eventsPath, "utf8"), eventsPath) : { events: [], warnings: [] };
  const { timeline } = resolveTimeline({
    spec: scan.header.stage_source,
    runStart: start,
    runEnd: scan.end?.t ?? last,
    events: parsed.events,
    eventWarnings: parsed.warnings,
    eventsPath,
    statuses: scan.statuses,
    statusPath: scan.header.status_file
  });
  return buildTimeline(samplesOf(samplesPath), timeline.spans, { startedAt: start, lastSampleT: last }, { label, memoryMetric: scan.header.memory_metric });
}
function thresholdsRecord(run2) {
  if (!run2.trust) return null;
  return { count: run2.spec?.thresholds.length ?? 0, hypotheses: run2.spec?.hypotheses?.length ?? 0, ...run2.trust };
}
function ledgerRun(session, run2) {
  const { context } = session;
  const quality = (run2.spec?.thresholds ?? []).map((t) => t.metric);
  const branch = context.pullRequest?.headRef || context.ref.replace(/^refs\/(heads|tags)\//, "");
  const sha = (headSha(session.workingDir) ?? context.pullRequest?.headSha ?? context.sha).slice(0, 7);
  const ref = branch && sha ? `${branch} @ ${sha}` : branch || sha;
  return {
    at: (/* @__PURE__ */ new Date()).toISOString(),
    run_url: runUrl(context),
    mode: run2.mode,
    ref,
    pr: context.pullRequest?.number ?? context.commentedPullRequest ?? null,
    runner: `${context.runner.name || "runner"} (${session.keyParts.runnerKey})`,
    decision: run2.decision,
    comment_url: run2.commentUrl ?? null,
    baseline: headlineOf(run2.baseline, quality),
    candidate: run2.candidate ? headlineOf(run2.candidate, quality) : null,
    hypotheses: run2.hypotheses.flatMap((h) => {
      const side = h.sides.find((s) => s.side !== "candidate");
      return side ? [{ id: h.id.slice(0, 60), verdict: side.verdict, reason: side.reason.slice(0, 300) }] : [];
    }),
    thresholds: thresholdsRecord(run2)
  };
}
async function closeStatus(session, handle, run2) {
  const { api, io } = session;
  if (!handle || !api) return [];
  const faults = [...handle.faults];
  try {
    const read = readLedgerBlock(handle.comment?.body ?? "", handle.issueNumber);
    if (read.warning) io.warning(read.warning);
    const latest = run2.candidate?.at(-1) ?? run2.baseline.at(-1);
    let timeline = null;
    try {
      if (latest?.files.profile) timeline = timelineOfRun(latest.files.profile, latest.label);
    } catch (error) {
      io.warning(`resource timeline not drawn: ${errorMessage(error)}`);
    }
    const { body, ledger } = renderStatusComment(addRun(read.ledger, ledgerRun(session, run2), timeline));
    writeFileSync6(join15(session.outDir, STATUS_LEDGER_FILE), `${JSON.stringify(ledger, null, 2)}
`);
    const posted = await writeStatusComment(api, handle.issueNumber, handle.comment, body);
    io.info(`status comment ${posted.action} on issue #${handle.issueNumber}: ${posted.htmlUrl}`);
  } catch (error) {
    faults.push(`status comment on issue #${handle.issueNumber}: ${errorMessage(error)}`);
  }
  return faults;
}

// src/action/gate-flow.ts
function gateVerdict(result, diff, issueNumber, baseline) {
  const failing = result.thresholds.filter((t) => t.counts && (t.verdict === "fail" || t.verdict === "missing"));
  return {
    decision: result.decision,
    render: (links) => renderReport(result, diff, { ...links, ...baseline ? { baseline: baseline.description } : {} }),
    gateJson: renderGateJson(result, baseline),
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
function baselineRecord(source, plan) {
  if (plan.kind === "missing") return void 0;
  if (plan.kind === "ref") return { source: "ref", description: `ref:${plan.ref}, measured in this job`, provenance: null };
  const kind = plan.provenance?.source ?? (source === "path" ? "path" : source);
  return { source: kind, description: plan.files.origin, provenance: plan.provenance ? { ...plan.provenance } : null };
}
async function runGate(session) {
  const { config, context, io, outDir } = session;
  const loaded = await io.group("Thresholds", async () => {
    if (!session.api) throw new UserError("input 'token': expected a token to read the optimization issue");
    return loadThresholds(config, context, session.api, (line) => io.info(line));
  });
  const targets = {
    outDir,
    artifactName: config.artifactName,
    files: [],
    ...loaded.issue ? { issueNumber: loaded.issue.number } : {},
    ...context.pullRequest ? { prNumber: context.pullRequest.number } : {}
  };
  let baseline;
  const publish = async (result, diff, sides) => {
    pushAll(targets.files, writeHypothesesJson(outDir, result.hypotheses));
    logHypotheses(session, result.hypotheses);
    const publication = await io.group("Publish", async () => {
      const status = await openStatus(session, loaded.issue?.number);
      const published = await publishVerdict(gateVerdict(result, diff, loaded.issue?.number, baseline), { ...targets, runInfo: runInfoText(session, result.decision, loaded.issue?.number) }, session);
      const trust = loaded.issue ? { author: loaded.issue.authorLogin, permission: loaded.permission ?? "none", trusted: loaded.refusal === void 0 } : void 0;
      pushAll(
        published.faults,
        await closeStatus(session, status, {
          mode: "gate",
          decision: result.decision,
          baseline: sides?.baseline.runs ?? [],
          ...sides ? { candidate: sides.candidate.runs } : {},
          hypotheses: result.hypotheses,
          spec: loaded.spec,
          ...trust ? { trust } : {},
          ...published.commentUrl ? { commentUrl: published.commentUrl } : {}
        })
      );
      return published;
    });
    return { result, publication };
  };
  if (loaded.refusal) return publish(inputErrorResult([loaded.refusal], config.failOn));
  const spec = loaded.spec;
  if (spec.problems.length > 0 || spec.thresholds.length === 0) {
    return publish(inputErrorResult(spec.problems.length === 0 ? [ACCEPTED_FORMS] : [], config.failOn, spec));
  }
  const source = chooseBaselineSource(config.baseline, spec.baseline);
  const baselineWhere = { workingDir: session.workingDir, storePath: session.storePath, outDir, keyParts: session.keyParts, artifactName: config.artifactName };
  const baselineDeps = {
    cache: session.cache,
    artifacts: session.artifacts,
    ...session.api ? { api: session.api } : {},
    token: config.token,
    context,
    log: (l) => io.info(l),
    refreshWorkflows: config.refreshWorkflows
  };
  const plan = await io.group("Baseline", async () => {
    io.info(`baseline source: ${source.kind === "ref" ? `ref:${source.ref}` : source.kind === "path" ? source.path : source.kind} (${source.from})`);
    return planBaseline(source, baselineWhere, baselineDeps);
  });
  baseline = baselineRecord(source.kind, plan);
  if (plan.kind === "missing") return publish(inputErrorResult([`missing baseline: ${plan.reason}`], config.failOn, spec));
  const evalName = baselineEvalName(config, spec);
  let namedEval;
  if (evalName?.from === "issue") {
    const at = await issueEvalRoot(evalName.name, baselineWhere, baselineDeps).catch((error) => ({ error: errorMessage(error) }));
    namedEval = "error" in at ? { error: `baseline eval results (issue baseline: eval): ${at.error}` } : resolveBaselineEval(evalName, at.root, at.label);
  } else if (evalName) namedEval = resolveBaselineEval(evalName, session.workingDir);
  if (namedEval && "error" in namedEval) return publish(inputErrorResult([`missing baseline: ${namedEval.error}`], config.failOn, spec));
  const baselineEvalDir = namedEval?.found.dir;
  if (namedEval) io.info(`baseline eval results: ${namedEval.found.origin}`);
  if (plan.kind === "files" && baselineEvalDir !== void 0) plan.files.evalDir = baselineEvalDir;
  const failures = [];
  const storedBaseline = plan.kind === "files" ? loadSide("baseline", plan.files.profiles, plan.files.evalDir, failures) : void 0;
  if (plan.kind === "files") io.info(`baseline: ${plan.files.origin}`);
  const acceptances = loaded.issue && session.api ? await readAcceptances(session.api, loaded.issue.number, plan.kind === "files" ? plan.provenance?.created_at : void 0, (l) => io.info(l)).catch((error) => {
    io.warning(`accepted regressions could not be read (${errorMessage(error)}); none applied`);
    return [];
  }) : [];
  if (storedBaseline && storedBaseline.runs.length === 0) {
    return publish(inputErrorResult([`missing baseline: no readable profile in ${plan.kind === "files" ? plan.files.origin : ""}`, ...failures], config.failOn, spec));
  }
  const walls = storedBaseline?.runs.map((r) => r.profile.totals.wall_time_s) ?? [];
  const referenceWallS = walls.length > 0 ? median(walls) : void 0;
  const repeat = config.repeat ?? spec.repeat ?? DEFAULT_REPEAT;
  const sha = (headSha(session.workingDir) ?? context.sha).slice(0, 7);
  const candidate = { name: "candidate", cwd: session.workingDir, stem: join16(outDir, "candidate"), label: `candidate @ ${sha}`, version: `candidate-${sha}` };
  let worktree;
  const sideTargets = [candidate];
  if (plan.kind === "ref") {
    worktree = addWorktree(session.workingDir, plan.ref, join16(outDir, BASE_WORKTREE_DIR));
    const baseSha = worktree.sha.slice(0, 7);
    baseline = { source: "ref", description: `ref:${plan.ref} @ ${baseSha}, measured in this job`, provenance: null };
    sideTargets.unshift({ name: "baseline", cwd: worktree.cwd, stem: join16(outDir, "baseline"), label: `baseline ${plan.ref} @ ${baseSha}`, version: `baseline-${baseSha}` });
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
    ...session.measureDeps ? { measureDeps: session.measureDeps } : {},
    ...referenceWallS !== void 0 ? { referenceWallS } : {}
  };
  let measured = [];
  let judged;
  try {
    measured = await io.group(`Measure (${repeat} run${repeat === 1 ? "" : "s"} per side${worktree ? ", interleaved with the base ref" : ""})`, () => measureSides(sideTargets, measureContext));
    if (session.signal.aborted) throw new CancelledError("cancelled while measuring; the post step uploads what was measured");
    judged = judge({ spec, measured, storedBaseline, failures, baselineEvalDir, acceptances }, config.failOn, void 0, budget);
    judged = await confirm(session, { spec, measured, storedBaseline, failures, repeat, measureContext, baselineEvalDir, acceptances }, judged);
  } finally {
    worktree?.remove();
    targets.files = measuredFiles(measured);
    setProfileOutputs(
      session,
      measured.find((m) => m.target.name === "candidate")
    );
  }
  if (session.signal.aborted) throw new CancelledError("cancelled while measuring; the post step uploads what was measured");
  return publish(judged.result, judged.diff, judged.sides);
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
    await io.group(`Confirmation round ${rounds} of at most ${allowed} (${step.why})`, () => measureConfirmationRound(confirming, m.measureContext, rounds));
    judged = judge(m, config.failOn, { rounds, allowed, candidateOnly: m.storedBaseline !== void 0 }, m.measureContext.budget);
  }
  if (stoppedByBudget) {
    const record = rounds > 0 ? { rounds, allowed, candidateOnly: m.storedBaseline !== void 0 } : void 0;
    judged = judge(m, config.failOn, record, m.measureContext.budget);
  }
  return judged;
}
function judge({ spec, measured, storedBaseline, failures: loadFailures, baselineEvalDir, acceptances }, failOn, confirmation, budget) {
  const failures = [...loadFailures];
  const cand = measured.find((m) => m.target.name === "candidate");
  const candidateSide = loadSide("candidate", cand.profiles, cand.evalDir, failures);
  let baselineSide;
  if (storedBaseline) baselineSide = storedBaseline;
  else {
    const base = measured.find((m) => m.target.name === "baseline");
    baselineSide = loadSide("baseline", base.profiles, base.evalDir ?? baselineEvalDir, failures);
  }
  for (const side of measured)
    pushAll(
      failures,
      side.failures.map((f) => `${side.target.name}: ${f}`)
    );
  const result = evaluateGate(spec, baselineSide, candidateSide, {
    failOn,
    failedRuns: failures,
    acceptances,
    ...confirmation ? { confirmation } : {},
    ...budget ? { spend: budget.record() } : {}
  });
  return { result, diff: diffSides(baselineSide, candidateSide), sides: { baseline: baselineSide, candidate: candidateSide } };
}

// src/action/refresh-flow.ts
import { cpSync as cpSync4, mkdirSync as mkdirSync6, rmSync as rmSync8 } from "node:fs";
import { join as join17 } from "node:path";

// src/report/measurement.ts
function medianOf2(runs, pick) {
  const values = runs.map(pick).filter((v) => v !== void 0 && Number.isFinite(v));
  return values.length === 0 ? "\u2014" : String(median(values));
}
function fmt(value, metric) {
  return value === "\u2014" ? value : formatValue(Number(value), metricUnit(metric));
}
function renderMeasurementReport(runs, options) {
  const failed = runs.filter((r) => r.profile.status !== void 0 && r.profile.status !== "ok");
  const failures = [...(options.failures ?? []).map(neutralize), ...failed.map((r) => `${escapeInline(r.label)}: ${escapeInline(String(r.profile.status))}`)];
  const lines = [`### ${failures.length > 0 || runs.length === 0 ? "\u274C" : "\u{1F4CF}"} ${options.title}`, ""];
  const links = [options.artifactUrl ? `[artifacts](${options.artifactUrl})` : "", options.runUrl ? `[workflow run](${options.runUrl})` : ""].filter(Boolean);
  if (links.length > 0) lines.push(links.join(" \xB7 "), "");
  for (const note of options.notes ?? []) lines.push(`- ${neutralize(note)}`);
  if (failures.length > 0) pushAll(lines, ["", "**Runs that did not complete:**", ...failures.map((f) => `- ${f}`)]);
  if (runs.length === 0) {
    lines.push("", "No profile was measured.");
    return `${lines.join("\n")}
`;
  }
  const stages = [];
  for (const run2 of runs) for (const stage of Object.keys(run2.profile.stages)) if (!stages.includes(stage)) stages.push(stage);
  const rows = stages.map((stage) => [
    escapeInline(stage),
    fmt(
      medianOf2(runs, (r) => r.profile.stages[stage]?.wall_time_s),
      "wall_time_s"
    ),
    fmt(
      medianOf2(runs, (r) => r.profile.stages[stage]?.peak_rss_mb),
      "peak_rss_mb"
    ),
    fmt(
      medianOf2(runs, (r) => r.profile.stages[stage]?.avg_cpu_pct),
      "avg_cpu_pct"
    )
  ]);
  rows.push([
    "**total**",
    `**${fmt(
      medianOf2(runs, (r) => r.profile.totals.wall_time_s),
      "wall_time_s"
    )}**`,
    `**${fmt(
      medianOf2(runs, (r) => r.profile.totals.peak_rss_mb),
      "peak_rss_mb"
    )}**`,
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
    `<sub>Host ${code(String(env.hostname ?? "?"))}, CPU ${code(String(env.cpu_model ?? env.cpu ?? "?"))}. Sampling: ${neutralize(String(first.profile.totals.sampling_note ?? "not stated"))}. Memory metric: ${neutralize(String(first.profile.totals.memory_metric ?? "not stated"))}.</sub>`
  );
  return `${lines.join("\n")}
`;
}

// src/action/refresh-flow.ts
var DRIFT_LABEL = "optimization-gate-drift";
var DRIFT_MARKER = "<!-- optimization-gate:drift-tracking -->";
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
    () => measureSides([{ name: "candidate", cwd: session.workingDir, stem: join17(outDir, "run"), label: `run @ ${sha}`, version: `${config.mode}-${sha}` }], {
      config,
      repeat,
      signal: session.signal,
      runner: session.runner,
      log: (l) => io.info(l),
      env: {},
      budget,
      ...session.measureDeps ? { measureDeps: session.measureDeps } : {}
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
  const files = [...measuredFiles([side]), ...writeHypothesesJson(session.outDir, hypotheses)];
  const issue = resolveIssueNumber(session.config, session.context);
  const publication = await session.io.group("Publish", async () => {
    const status = await openStatus(session, issue?.number);
    const published = await publishVerdict(
      verdict,
      { outDir: session.outDir, artifactName: session.config.artifactName, files, runInfo: runInfoText(session, "measured"), ...issue ? { issueNumber: issue.number } : {} },
      session
    );
    const commentUrl = published.commentUrl ? { commentUrl: published.commentUrl } : {};
    pushAll(
      published.faults,
      await closeStatus(session, status, {
        mode: "measure",
        decision: "measured",
        baseline: loaded.runs,
        hypotheses,
        spec: wanted.spec,
        ...wanted.trust ? { trust: wanted.trust } : {},
        ...commentUrl
      })
    );
    return published;
  });
  if (failures.length > 0)
    pushAll(
      publication.faults,
      failures.map((f) => `measured run failed: ${f}`)
    );
  return publication;
}
async function trackingIssue(session) {
  const { api, config, io, keyParts } = session;
  if (config.issueNumber !== void 0) return config.issueNumber;
  if (!api) return void 0;
  try {
    const self = await api.whoAmI();
    const open = await api.findOpenIssue(DRIFT_LABEL) ?? await api.findOpenIssueWithMarker(DRIFT_MARKER, self);
    if (open) return open.number;
    const created = await api.createIssue(
      `Baseline drift: ${keyParts.datasetId} on ${keyParts.runnerKey}`,
      `${DRIFT_MARKER}
The scheduled baseline refresh measured a drift beyond its bounds. optimization-gate comments here on each refresh that drifts.`
    );
    io.info(`opened tracking issue #${created.number}`);
    try {
      await api.ensureLabel(DRIFT_LABEL, "Baseline drift found by the optimization-gate refresh");
      await api.addLabels(created.number, [DRIFT_LABEL]);
    } catch (error) {
      io.warning(`tracking issue #${created.number} is not labelled ${DRIFT_LABEL} (${errorMessage(error)}); later refreshes find it by the marker in its body`);
    }
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
function warnIfNotTrusted(session) {
  const { context, io } = session;
  const branch = context.defaultBranch;
  if (branch === void 0) return;
  if (TRUSTED_EVENTS.includes(context.eventName) && context.ref === `refs/heads/${branch}` && !context.pullRequest) return;
  io.warning(
    `this refresh runs on ${context.eventName} at ${context.ref || "(no ref)"}: gates accept only a baseline stored by a ${TRUSTED_EVENTS.join(" / ")} run of the default branch (${branch}), from a refresh workflow (refresh-workflows), so they will not use this one`
  );
}
async function runBaseline(session) {
  const { config, context, io, keyParts, storePath } = session;
  const previous = await io.group("Previous baseline", async () => {
    warnIfNotTrusted(session);
    try {
      const lookup = await restoreFromCache(
        { workingDir: session.workingDir, storePath, outDir: session.outDir, keyParts, artifactName: config.artifactName },
        {
          cache: session.cache,
          artifacts: session.artifacts,
          ...session.api ? { api: session.api } : {},
          token: config.token,
          context,
          log: (l) => io.info(l),
          refreshWorkflows: config.refreshWorkflows
        },
        join17(session.outDir, "previous-baseline")
      );
      for (const r of lookup.refused) io.warning(`previous baseline refused: ${r}`);
      if (!lookup.found) io.info("no verified previous baseline in the cache: this refresh starts one");
      return lookup.found?.files;
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
  const storeDir = join17(session.outDir, "baseline-store");
  if (stored) {
    writeBaselineStore(storeDir, side, {
      created_at: (/* @__PURE__ */ new Date()).toISOString(),
      dataset_id: keyParts.datasetId,
      runner_key: keyParts.runnerKey,
      runner_name: context.runner.name,
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
  const cacheWritable = session.cache.writable();
  const notes = [
    ...wanted.notes,
    ...drift ? [] : spendLines(budget),
    stored ? `stored as the new baseline for dataset ${keyParts.datasetId}, runner ${keyParts.runnerKey}, config hash ${keyParts.configHash}` : "not stored: a measured run failed",
    ...stored && !cacheWritable ? ["cache saves are disabled for this job (ACTIONS_CACHE_MODE is read-only): the baseline is kept as the artifact only, where `baseline: artifact` and the cache fallback find it"] : [],
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
  const artifactName = stored ? baselineArtifactName(config.artifactName, keyParts.datasetId, keyParts.configHash, keyParts.runnerKey) : config.artifactName;
  mkdirSync6(outDir, { recursive: true });
  const files = [...stored ? filesUnder(storeDir) : measuredFiles([side]), ...writeHypothesesJson(outDir, hypotheses)];
  const runInfo = runInfoText(session, drift?.decision ?? "measured");
  const publication = await io.group("Publish", async () => {
    const status = await openStatus(session, config.issueNumber);
    const published = await publishVerdict(
      verdict,
      { outDir, artifactName, files, runInfo, ...issueNumber !== void 0 ? { issueNumber } : {} },
      { ...session, config: { ...config, comment: { issue: issueNumber !== void 0, pr: false } } }
    );
    const commentUrl = published.commentUrl ? { commentUrl: published.commentUrl } : {};
    pushAll(
      published.faults,
      await closeStatus(session, status, {
        mode: "baseline",
        decision: drift?.decision ?? "measured",
        baseline: fresh.runs,
        hypotheses,
        spec: wanted.spec,
        ...wanted.trust ? { trust: wanted.trust } : {},
        ...commentUrl
      })
    );
    return published;
  });
  if (stored && !cacheWritable) {
    io.info("cache saves are disabled for this job (ACTIONS_CACHE_MODE): the baseline is stored as the artifact only");
  } else if (stored) {
    const key = baselineCacheKey(keyParts, context.runId, context.runAttempt);
    try {
      rmSync8(storePath, { recursive: true, force: true });
      cpSync4(storeDir, storePath, { recursive: true });
      if (await session.cache.save([storePath], key)) io.info(`baseline saved to the cache: ${key}`);
      else publication.faults.push(`the cache did not take the baseline (key ${key} exists or saving is denied); the artifact ${artifactName} holds it`);
    } catch (error) {
      publication.faults.push(`baseline not saved to the cache: ${errorMessage(error)}`);
    } finally {
      rmSync8(storePath, { recursive: true, force: true });
    }
  }
  if (failures.length > 0)
    pushAll(
      publication.faults,
      failures.map((f) => `measured run failed: ${f}`)
    );
  return { publication, ...drift ? { drift } : {} };
}

// src/action/run.ts
function onProcessSignals(stop) {
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
}
function defaultActionDeps() {
  return {
    io: coreIO,
    env: process.env,
    readInput: (name) => getInput(name),
    github: (config, context, io) => config.token ? createGitHubApi({ token: config.token, owner: context.owner, repo: context.repo, baseUrl: context.apiUrl, log: (m) => io.warning(m) }) : void 0,
    artifacts: createArtifactStore,
    cache: createCacheStore,
    runner: processCommandRunner,
    measure: {},
    hostname,
    onCancel: onProcessSignals
  };
}
function failStep(io, error) {
  if (isUserError(error)) {
    io.setFailed(`optimization-gate: ${error.message}`);
    return;
  }
  const environment = environmentFailure(error);
  if (environment !== void 0) {
    io.setFailed(`optimization-gate: ${environment}`);
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
  const unsubscribe = deps.onCancel(onSignal);
  try {
    const config = readActionConfig(deps.readInput);
    if (config.token) io.setSecret(config.token);
    const context = readRunContext(deps.env);
    const ghes = enterpriseServerRefusal(context.serverUrl);
    if (ghes) throw new UserError(ghes);
    const api = deps.github(config, context, io);
    const refusal = await forkGuard(config, context, api);
    if (refusal) throw new UserError(refusal);
    const workingDir = resolve8(context.workspace, config.workingDirectory);
    const outDir = join18(context.runnerTemp || tmpdir2(), "optimization-gate", `${context.runId}-${context.runAttempt}-${config.artifactName}`);
    mkdirSync7(outDir, { recursive: true });
    io.saveState(State.OutputDir, outDir);
    io.saveState(State.ArtifactName, config.artifactName);
    io.saveState(State.RetentionDays, String(config.retentionDays));
    const keyParts = await baselineKeyParts(config, context, workingDir);
    const session = {
      config,
      context,
      io,
      ...api ? { api } : {},
      artifacts: deps.artifacts(),
      cache: deps.cache(),
      runner: deps.runner,
      measureDeps: { ...deps.measure, commands: deps.runner },
      outDir,
      workingDir,
      signal: controller.signal,
      keyParts,
      storePath: storePathFor(context),
      hostname: deps.hostname()
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
      case "command": {
        const outcome = await runCommand(session);
        if (outcome.commentUrl) io.setOutput(Outputs.CommentUrl, outcome.commentUrl);
        io.info(`optimization-gate: command ${outcome.result}`);
        break;
      }
    }
    io.saveState(State.Completed, "true");
  } catch (error) {
    failStep(io, error);
  } finally {
    unsubscribe();
  }
}

// src/main.ts
await run();
