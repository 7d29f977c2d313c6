import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/inputs/constants.ts
var Inputs = {
  IssueNumber: "issue-number",
  Mode: "mode",
  ExperimentCommand: "experiment-command",
  ExperimentOutput: "experiment-output",
  ProfileCommand: "profile-command",
  ProfileMode: "profile-mode",
  ProfileOutput: "profile-output",
  Stages: "stages",
  DatasetId: "dataset-id",
  PipelineConfig: "pipeline-config",
  Baseline: "baseline",
  BaselineEval: "baseline-eval",
  Repeat: "repeat",
  Warmup: "warmup",
  ConfirmRuns: "confirm-runs",
  MaxCostUsd: "max-cost-usd",
  SampleInterval: "sample-interval",
  Thresholds: "thresholds",
  FailOn: "fail-on",
  Comment: "comment",
  ArtifactName: "artifact-name",
  RetentionDays: "retention-days",
  WorkingDirectory: "working-directory",
  TimeoutMinutes: "timeout-minutes",
  Containment: "containment",
  AllowForkPrs: "allow-fork-prs",
  RunnerKey: "runner-key",
  Token: "token",
  RefreshWorkflows: "refresh-workflows",
  DispatchWorkflow: "dispatch-workflow",
  PromoteProfilesDir: "promote-profiles-dir",
  PromoteEvalDir: "promote-eval-dir"
};
var Outputs = {
  Decision: "decision",
  ReportPath: "report-path",
  GateJson: "gate-json",
  Profile: "profile",
  StageTruth: "stage-truth",
  ArtifactId: "artifact-id",
  CommentUrl: "comment-url"
};
var State = {
  /** Set once main has published everything; post then has nothing to rescue. */
  Completed: "completed",
  /** Directory with everything produced so far (uploaded by post if main did not). */
  OutputDir: "output-dir",
  /** Set once the artifact is uploaded; post uploads the output dir otherwise. */
  ArtifactUploaded: "artifact-uploaded",
  ArtifactName: "artifact-name",
  RetentionDays: "retention-days",
  Token: "token"
};
var DEFAULT_REFRESH_WORKFLOWS = ["optimization-baseline-refresh.yml", "baseline-refresh.yml"];
var PROFILE_OUTPUT_ENV = "OPTIMIZATION_GATE_PROFILE";
var STICKY_MARKER_PREFIX = "<!-- optimization-gate:sticky";
var DEFAULT_COMMANDS_WORKFLOWS = ["optimization-commands.yml"];
var DEFAULT_MEASURE_WORKFLOWS = ["optimization-pr-gate.yml", "optimization-dispatch.yml"];

export {
  Inputs,
  Outputs,
  State,
  DEFAULT_REFRESH_WORKFLOWS,
  PROFILE_OUTPUT_ENV,
  STICKY_MARKER_PREFIX,
  DEFAULT_COMMANDS_WORKFLOWS,
  DEFAULT_MEASURE_WORKFLOWS
};
