import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  LEDGER_BLOCK_START,
  parseLedger,
  readLedgerBlock,
  renderStatusComment
} from "./chunk-7B6XZBAR.js";
import "./chunk-ZAS337DE.js";
import "./chunk-VQL2WWEC.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  UserError,
  errorMessage
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/status.ts
import { readFileSync } from "node:fs";
var NAME = "status";
var SYNOPSIS = "(--issue-comment-file BODY.md | --ledger status-ledger.json) [--issue N] [--json]";
var OPTIONS = {
  "issue-comment-file": { type: "string", description: "the status comment's body (markdown with the hidden history block)" },
  ledger: { type: "string", description: "a status-ledger.json written by a run (in its output directory)" },
  issue: { type: "string", description: "the issue the history must belong to (default: the one it names)" },
  json: { type: "boolean", description: "print the checked ledger as JSON instead of the rendered comment" },
  help: { type: "boolean", description: "show this help" }
};
function read(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${what} ${path}: ${errorMessage(error)}`);
  }
}
function issueOf(text) {
  if (text === void 0) return void 0;
  if (!/^#?\d+$/.test(text.trim())) throw new UserError(`--issue: expected an issue number, got "${text}"`);
  return Number(text.trim().replace("#", ""));
}
function loadLedger(options) {
  const issue = issueOf(options.issue);
  if (options["issue-comment-file"] !== void 0) {
    const path2 = options["issue-comment-file"];
    const body = read(path2, "the status comment");
    if (!body.includes(LEDGER_BLOCK_START)) throw new UserError(`${path2} holds no optimization-gate history block (${LEDGER_BLOCK_START} \u2026 -->)`);
    const found = readLedgerBlock(body, issue);
    if (found.warning) throw new UserError(`${path2}: ${found.warning.replace(": the history starts afresh", "")}`);
    return found.ledger;
  }
  const path = options.ledger;
  let data;
  try {
    data = JSON.parse(read(path, "the ledger"));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path} is not JSON: ${errorMessage(error)}`);
  }
  const parsed = parseLedger(data, issue);
  if ("error" in parsed) throw new UserError(`${path}: ${parsed.error}`);
  return parsed.ledger;
}
var statusCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument "${positionals[0]}"`);
    if (options["issue-comment-file"] === void 0 === (options.ledger === void 0)) {
      throw new UserError(`give one of --issue-comment-file or --ledger`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }
    const ledger = loadLedger(options);
    console.log(options.json ? JSON.stringify(ledger, null, 2) : renderStatusComment(ledger).body);
    return Promise.resolve(0);
  }
};
export {
  statusCommand
};
