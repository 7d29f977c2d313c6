/**
 * A small real pipeline for the action's end-to-end tests: Python stdlib, three stages with stage
 * events, a forked worker that touches memory, an experiment writing metrics.json and
 * eval_pipeline_metrics.json. Slow (baseline) and fast (candidate) configs; optionally a git repo
 * with `main` (slow) and `feature` (fast) for `baseline: ref:main`.
 *
 * The stage events carry the seconds a config declares (a virtual clock in the pipeline), so every
 * stage wall, and every verdict on one, is a fact of the fixture, not of the machine's load. The
 * run's total wall time, memory and CPU are really measured: tests assert decisions only on stage
 * walls, eval and cost metrics, and only structure on the rest.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PIPELINE = String.raw`
import json, os, sys, time, multiprocessing as mp
cfg = json.load(open(os.environ.get('PIPELINE_CONFIG', 'config.json')))
events = os.environ.get('OPTIMIZATION_GATE_STAGE_EVENTS')
# A virtual clock: the stage events carry the seconds the config declares, not the machine's, so
# the stage walls the action attributes (from the events' ts) are facts of the fixture however
# busy the machine is. Every stage really lasts at least its declared time (sleeps never end
# early), so no stamp lies past the run's real end; the clock starts after a pause, so none lies
# before the run's real start (the action clips events to the run's window).
time.sleep(0.1)
clock = time.time()
def emit(stage, event):
    if events:
        with open(events, 'a') as f:
            f.write(json.dumps({'ts': clock, 'stage': stage, 'event': event}) + '\n')
def stage(name, seconds, work):
    global clock
    emit(name, 'start')
    work(seconds)
    clock += seconds
    behind = clock - time.time()
    if behind > 0:
        time.sleep(behind)
    emit(name, 'end')
def touch_and_sleep(mb, seconds):
    buf = bytearray(mb * 1024 * 1024)
    for i in range(0, len(buf), 4096):
        buf[i] = 1
    time.sleep(seconds)
def worker(seconds):
    # The forked worker touches memory: the sampler finds a tree, not just one process.
    p = mp.get_context('fork').Process(target=touch_and_sleep, args=(worker_mb, seconds))
    p.start()
    p.join()
print('pipeline: start', flush=True)
# A worker size that follows a fixed pattern over the job's runs (E2E_WORKER_MB="16,16,60,60" with a
# counter in E2E_JITTER_FILE), so interleaved sides both see the same spread: deliberately noisy,
# deterministically so, and in memory, which a busy machine does not change.
jitter = os.environ.get('E2E_JITTER_FILE')
count = int(open(jitter).read() or '0') if jitter and os.path.exists(jitter) else 0
pattern = [int(x) for x in os.environ.get('E2E_WORKER_MB', '').split(',') if x]
worker_mb = pattern[count % len(pattern)] if pattern else cfg.get('worker_mb', 16)
for name, seconds in cfg['stages'].items():
    stage(name, seconds, worker if name == 'transcribe' else time.sleep)
    print('pipeline: stage ' + name + ' done', flush=True)
if jitter:
    open(jitter, 'w').write(str(count + 1))
    stage('jitter', [0.05, 0.05, 0.25, 0.25][count % 4], time.sleep)
if cfg.get('hang'):
    print('pipeline: hanging', flush=True)
    time.sleep(3600)
sys.exit(cfg.get('exit', 0))
`;

const EXPERIMENT = String.raw`
import json, os
cfg = json.load(open(os.environ.get('PIPELINE_CONFIG', 'config.json')))
os.makedirs('eval-out', exist_ok=True)
metrics = {
  'dataset_id': 'tiny', 'run_id': 'e2e', 'episode_count': 2,
  'intrinsic': {'gates': {'boilerplate_leak_rate': 0.0, 'speaker_label_leak_rate': 0.0, 'truncation_rate': 0.0, 'failed_episodes': [], 'episode_gate_failures': {}},
                'performance': {'avg_latency_ms': 1000.0 * sum(cfg['stages'].values())}},
  'vs_reference': {'silver': {'rougeL_f1': cfg['rougeL'], 'rouge1_f1': cfg['rougeL'] + 0.2}},
  'schema': 'metrics_summarization_v2', 'task': 'summarization'}
json.dump(metrics, open('eval-out/metrics.json', 'w'))
json.dump({'llm_summarization_calls': 2, 'llm_summarization_cost_usd': cfg['cost'], 'total_stage_cost_usd': cfg['cost']}, open('eval-out/eval_pipeline_metrics.json', 'w'))
`;

export interface PipelineConfig {
  stages: Record<string, number>;
  rougeL: number;
  cost: number;
  worker_mb?: number;
  hang?: boolean;
  exit?: number;
}

export const SLOW: PipelineConfig = { stages: { fetch: 0.05, transcribe: 0.5, summarize: 0.4 }, rougeL: 0.33, cost: 0.05 };
export const FAST: PipelineConfig = { stages: { fetch: 0.05, transcribe: 0.25, summarize: 0.1 }, rougeL: 0.335, cost: 0.03 };

export { ISSUE_BODY } from '../helpers/optimization-repo.js';

/** Action inputs that run the tiny pipeline quickly: one run per side unless a test asks for more. */
export const PIPELINE_INPUTS = {
  repeat: '1',
  'confirm-runs': '0',
  'profile-command': 'python3 pipeline.py',
  'experiment-command': 'python3 experiment.py',
  'experiment-output': 'eval-out',
  'sample-interval': '0.1',
  warmup: '0',
  'dataset-id': 'tiny',
  'pipeline-config': 'pipeline.py',
};

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'ignore' });
}

export function pipelineWorkspace(config: PipelineConfig): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-e2e-ws-'));
  writeFileSync(join(dir, 'pipeline.py'), PIPELINE);
  writeFileSync(join(dir, 'experiment.py'), EXPERIMENT);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** A git checkout on `feature` (fast config) whose `main` holds the slow config. */
export function gitWorkspace(): string {
  const dir = pipelineWorkspace(SLOW);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'baseline pipeline');
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(dir, 'config.json'), JSON.stringify(FAST));
  git(dir, 'commit', '-q', '-am', 'faster transcription');
  return dir;
}
