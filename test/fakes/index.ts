/** The integration-test harness: loopback fakes of GitHub and the Actions services (see README.md). */
export { ActionsModel, type ArtifactRecord, type CacheEntryRecord, type RunSpec, type WorkflowRun } from './actions-model.js';
export { startAzurite, DEV_ACCOUNT, DEV_ACCOUNT_KEY, RESULTS_CONTAINER, type Azurite, type BlobStore } from './azurite.js';
export { issueCommentEvent, issuesEvent, pullRequestEvent, scheduleEvent, workflowDispatchEvent } from './events.js';
export type { AuthorAssociation, CommentSpec, IssueSpec, OrgMemberSpec, Permission, PullSpec, RepoSpec, TokenPermissions, TokenSpec } from './github-model.js';
export { startGitHubFake, type GitHubFake, type StartGitHubFakeOptions } from './github-server.js';
export { startHarness, type Harness, type HarnessOptions, type HarnessRunnerOptions } from './harness.js';
export { faults, type Fault, type FaultMatch, type RecordedCall } from './http-kit.js';
export { nodeForAction, resolveNodeBinary, type NodeBinary } from './node-binary.js';
export { startResultsFake, twirpPath, type ResultsFake, type TwirpMethod } from './results-service.js';
export { runAction, runStep, DIST_MAIN, DIST_POST, SUMMARY_LIMIT_BYTES, type ActionResult, type CancelSpec, type RunStepOptions, type StepResult } from './run-action.js';
export { inputEnvName, parseFileCommand, readStepFiles, runnerEnv, ACTION_YML, DEFAULT_TOKEN, type RunnerEnv, type RunnerEnvOptions, type StepEnv } from './runner-env.js';
export { decodeRuntimeToken, makeRuntimeToken, type BackendIds } from './runtime-token.js';
export { annotations, parseCommandLine, parseWorkflowCommands, shownAnnotations, MAX_ANNOTATIONS_PER_TYPE, type WorkflowCommand } from './workflow-commands.js';
export { unzipArtifact, zipFiles } from './zip.js';
