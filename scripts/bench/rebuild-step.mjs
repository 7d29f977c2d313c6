// One size of `npm run bench:rebuild`, in a process of its own (a fresh heap per size, so the sizes do
// not disturb each other): the freeze's end of run (buildRunOutputs over samples held in memory) and
// the attribution alone, each the best of several calls on data evicted from the CPU caches first.
// With `reference`, also the samples × spans loop the attribution replaced (once: it is slow).
// Usage: node scripts/bench/rebuild-step.mjs BUNDLE_DIR HOURS ROUNDS [reference]  → prints one JSON line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { referenceAttribution, syntheticRun } from './long-run.mjs';

const [bundles, hoursText, roundsText, reference] = process.argv.slice(2);
const hours = Number(hoursText);
const rounds = Math.max(Number(roundsText), 5);
const load = (name) => import(pathToFileURL(join(bundles, `${name}.mjs`)).href);
const { attributeSamples } = await load('attribution');
const { buildRunOutputs } = await load('build-profile');
const { timelineFromEvents } = await load('stages/events');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const record = (run, timeline) => ({
  release: 'r',
  datasetId: 'd',
  environment: {},
  sampleIntervalS: 0.1,
  memoryMetric: 'pss_sum',
  startedAt: run.startedAt,
  endedAt: run.endedAt,
  samples: run.samples,
  timeline,
  episodes: null,
  status: 'ok',
  exitCode: 0,
  signal: null,
  warnings: [],
});
const timelineOf = (run) =>
  timelineFromEvents(
    run.events.map((e, i) => ({ ...e, line: i + 1 })),
    run.startedAt,
    run.endedAt,
    'e',
  );

// JIT warm-up on a short run first.
const short = syntheticRun({ durationS: 600, hz: 10, seed: 2 });
const shortTimeline = timelineOf(short);
for (let k = 0; k < 5; k++) buildRunOutputs(record(short, shortTimeline));

const run = syntheticRun({ durationS: hours * 3600, hz: 10, occurrenceEveryS: 1, seed: hours * 100 });
const timeline = timelineOf(run);
const evict = new Float64Array(16 << 20);
const coldBest = (fn, times = rounds) => {
  let best = Infinity;
  for (let k = 0; k < times; k++) {
    for (let i = 0; i < evict.length; i += 8) evict[i] += 1;
    const before = cpuMs();
    fn();
    best = Math.min(best, cpuMs() - before);
  }
  return best;
};
const endOfRunMs = coldBest(() => buildRunOutputs(record(run, timeline)));
const attributionMs = coldBest(() => attributeSamples(run.samples, timeline.spans, run.startedAt));
const referenceMs = reference === 'reference' ? coldBest(() => referenceAttribution(run.samples, timeline.spans, run.startedAt), 1) : undefined;
console.log(JSON.stringify({ samples: run.samples.length, spans: timeline.spans.length, end_of_run_ms: endOfRunMs, attribution_ms: attributionMs, reference_ms: referenceMs }));
