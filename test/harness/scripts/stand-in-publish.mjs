// A stand-in step that publishes the way the action will: an artifact, a cache entry and an issue
// comment, configured by nothing but the runner environment (as dist/main.js will be).
import * as core from '@actions/core';
import * as github from '@actions/github';
import { DefaultArtifactClient } from '@actions/artifact';
import { saveCache } from '@actions/cache';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const workspace = process.env.GITHUB_WORKSPACE;
const out = join(workspace, 'og-out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'gate.json'), JSON.stringify({ decision: 'ship' }));

const upload = await new DefaultArtifactClient().uploadArtifact(core.getInput('artifact-name'), [join(out, 'gate.json')], out);
core.setOutput('artifact-id', String(upload.id));
const cacheId = await saveCache([out], `og-baseline-${core.getInput('dataset-id')}-${github.context.runId}`);
core.setOutput('cache-id', String(cacheId));
const octokit = github.getOctokit(core.getInput('token'));
const { data } = await octokit.rest.issues.createComment({
  ...github.context.repo,
  issue_number: Number(core.getInput('issue-number')),
  body: `decision: ship (artifact ${upload.id})`,
});
core.setOutput('comment-url', data.html_url);
