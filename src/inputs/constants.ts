/** Names shared by action.yml, the code and the tests: inputs, outputs, saved state, env variables. */

export const Inputs = {
  IssueNumber: 'issue-number',
  Mode: 'mode',
  ExperimentCommand: 'experiment-command',
  ExperimentOutput: 'experiment-output',
  ProfileCommand: 'profile-command',
  ProfileMode: 'profile-mode',
  ProfileOutput: 'profile-output',
  Stages: 'stages',
  DatasetId: 'dataset-id',
  PipelineConfig: 'pipeline-config',
  Baseline: 'baseline',
  BaselineEval: 'baseline-eval',
  Repeat: 'repeat',
  Warmup: 'warmup',
  ConfirmRuns: 'confirm-runs',
  MaxCostUsd: 'max-cost-usd',
  SampleInterval: 'sample-interval',
  Thresholds: 'thresholds',
  FailOn: 'fail-on',
  Comment: 'comment',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  WorkingDirectory: 'working-directory',
  TimeoutMinutes: 'timeout-minutes',
  Containment: 'containment',
  AllowForkPrs: 'allow-fork-prs',
  RunnerKey: 'runner-key',
  Token: 'token',
  RefreshWorkflows: 'refresh-workflows',
  DispatchWorkflow: 'dispatch-workflow',
  PromoteProfilesDir: 'promote-profiles-dir',
  PromoteEvalDir: 'promote-eval-dir',
} as const;

export const Outputs = {
  Decision: 'decision',
  ReportPath: 'report-path',
  GateJson: 'gate-json',
  Profile: 'profile',
  StageTruth: 'stage-truth',
  ArtifactId: 'artifact-id',
  CommentUrl: 'comment-url',
} as const;

/** What main hands to post through GITHUB_STATE. */
export const State = {
  /** Set once main has published everything; post then has nothing to rescue. */
  Completed: 'completed',
  /** Directory with everything produced so far (uploaded by post if main did not). */
  OutputDir: 'output-dir',
  /** Set once the artifact is uploaded; post uploads the output dir otherwise. */
  ArtifactUploaded: 'artifact-uploaded',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  Token: 'token',
} as const;

/** Workflow files that count as the baseline refresh by default: the starter template and the reusable workflow. */
export const DEFAULT_REFRESH_WORKFLOWS: readonly string[] = ['optimization-baseline-refresh.yml', 'baseline-refresh.yml'];

/** Env variable the freeze sets for the measured command: where to append stage events. */
export const STAGE_EVENTS_ENV = 'OPTIMIZATION_GATE_STAGE_EVENTS';
/** Env variable an external freeze command receives: where to write its profile YAML. */
export const PROFILE_OUTPUT_ENV = 'OPTIMIZATION_GATE_PROFILE';

/** Hidden marker of the sticky PR comment (one per PR and artifact name). */
export const STICKY_MARKER_PREFIX = '<!-- optimization-gate:sticky';

/** Workflow files whose `issue_comment` runs may store a promoted baseline (`/optimization-gate promote`). */
export const DEFAULT_COMMANDS_WORKFLOWS: readonly string[] = ['optimization-commands.yml'];

/** Workflow files whose runs measure a candidate for an issue: what `/optimization-gate promote` may promote. */
export const DEFAULT_MEASURE_WORKFLOWS: readonly string[] = ['optimization-pr-gate.yml', 'optimization-dispatch.yml'];
