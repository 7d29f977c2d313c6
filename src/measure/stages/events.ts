/**
 * Stage events: a JSON-lines file the pipeline appends to, one `{"ts": <epoch s>, "stage": "<name>",
 * "event": "start"|"end"}` per line (extra keys allowed). Exact attribution: stages may overlap, and
 * several occurrences of one stage may run at once (per-episode workers); a stage's wall time is
 * ∫ active-count dt, so two concurrent occurrences count twice, as in the fixtures' stage_truth.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { isObject } from '../../formats/validate.js';
import { clamp, type StageSpan, type StageTimeline } from './source.js';

export interface StageEvent {
  ts: number;
  stage: string;
  event: 'start' | 'end';
  /** 1-based line in the events file, for warnings. */
  line: number;
}

/** Parses complete lines starting at line number `firstLine`; bad lines become located warnings. */
export function parseEventLines(lines: readonly string[], firstLine: number, file: string): { events: StageEvent[]; warnings: string[] } {
  const events: StageEvent[] = [];
  const warnings: string[] = [];
  lines.forEach((text, offset) => {
    const line = firstLine + offset;
    if (text.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      warnings.push(`${file} line ${line}: not valid JSON (ignored)`);
      return;
    }
    const valid =
      isObject(record) &&
      typeof record.ts === 'number' &&
      Number.isFinite(record.ts) &&
      typeof record.stage === 'string' &&
      record.stage.trim() !== '' &&
      (record.event === 'start' || record.event === 'end');
    if (!valid) {
      warnings.push(`${file} line ${line}: expected {"ts": <epoch seconds>, "stage": "<name>", "event": "start"|"end"} (ignored)`);
      return;
    }
    const ok = record as { ts: number; stage: string; event: 'start' | 'end' };
    events.push({ ts: ok.ts, stage: ok.stage.trim(), event: ok.event, line });
  });
  return { events, warnings };
}

/** Parses a whole events file's text; a last line without newline is still read (the writer has exited). */
export function parseEventsText(text: string, file: string): { events: StageEvent[]; warnings: string[] } {
  return parseEventLines(text.split('\n'), 1, file);
}

/**
 * Reads what the pipeline appended since the last poll: only complete lines; a partial last line
 * waits for its newline (or for `final`).
 */
export class EventsTail {
  private offset = 0;
  private pending = '';
  private nextLine = 1;
  readonly events: StageEvent[] = [];
  readonly warnings: string[] = [];
  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
  // Keeps a multi-byte character split across two reads whole.
  private decoder = new StringDecoder('utf8');

  constructor(readonly path: string) {}

  /** The file kept open between polls (one fstat per poll), with the inode it was opened on. */
  private fd: number | undefined;
  private ino: number | undefined;

  private openCurrent(): number | undefined {
    const onDisk = statSync(this.path, { throwIfNoEntry: false });
    if (!onDisk) return undefined;
    if (this.fd !== undefined && onDisk.ino === this.ino) return this.fd;
    // First open, or the file was replaced (written anew and renamed): the file on disk is the
    // record (the rebuild reads it too), so start over from it.
    if (this.fd !== undefined) {
      this.events.length = 0;
      this.warnings.length = 0;
    }
    this.close();
    this.fd = openSync(this.path, 'r');
    this.ino = onDisk.ino;
    this.offset = 0;
    this.pending = '';
    this.nextLine = 1;
    this.decoder = new StringDecoder('utf8');
    return this.fd;
  }

  /** Returns how many events were added. `final`: the writer has exited; also read a last line without newline. */
  poll(final = false): number {
    const before = this.events.length;
    try {
      // Between polls the held file is enough; a final poll checks the path again (replaced file?).
      const fd = this.fd !== undefined && !final ? this.fd : this.openCurrent();
      if (fd !== undefined) {
        const size = fstatSync(fd).size;
        if (size < this.offset) {
          // Truncated by someone: start over rather than read garbage.
          this.offset = 0;
          this.pending = '';
          this.decoder = new StringDecoder('utf8');
        }
        while (this.offset < size) {
          const length = readSync(fd, this.buffer, 0, Math.min(this.buffer.length, size - this.offset), this.offset);
          if (length <= 0) break;
          this.offset += length;
          this.pending += this.decoder.write(this.buffer.subarray(0, length));
        }
      }
    } catch {
      // Unreadable: nothing new this time.
    }
    const lines = this.pending.split('\n');
    this.pending = final ? '' : (lines.pop() ?? '');
    const parsed = parseEventLines(lines, this.nextLine, this.path);
    this.nextLine += lines.length;
    this.events.push(...parsed.events);
    this.warnings.push(...parsed.warnings);
    if (final) this.close();
    return this.events.length - before;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Stages with an occurrence running now (for progress lines). */
  openStages(): string[] {
    const counts = new Map<string, number>();
    for (const e of this.events) counts.set(e.stage, Math.max(0, (counts.get(e.stage) ?? 0) + (e.event === 'start' ? 1 : -1)));
    return [...counts].filter(([, n]) => n > 0).map(([stage]) => stage);
  }
}

/** Builds the stage timeline of a run from its events (pure). Times are clamped to [runStart, runEnd]. */
export function timelineFromEvents(events: readonly StageEvent[], runStart: number, runEnd: number, file: string): StageTimeline {
  const warnings: string[] = [];
  const byStage = new Map<string, StageEvent[]>();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || a.line - b.line);
  for (const e of sorted) {
    const list = byStage.get(e.stage) ?? [];
    list.push(e);
    byStage.set(e.stage, list);
  }
  const walls: Record<string, number> = {};
  const spans: StageSpan[] = [];
  const openAtEnd: string[] = [];
  const firstStart = new Map<string, number>();

  for (const [stage, list] of byStage) {
    let count = 0;
    let wall = 0;
    let previous = runStart;
    let spanStart = runStart;
    for (const e of list) {
      const t = clamp(e.ts, runStart, runEnd);
      wall += count * (t - previous);
      previous = t;
      if (e.event === 'start') {
        if (count === 0) spanStart = t;
        if (!firstStart.has(stage)) firstStart.set(stage, t);
        count++;
      } else if (count === 0) {
        warnings.push(`${file} line ${e.line}: "end" of stage "${stage}" without a matching "start" (ignored)`);
      } else if (--count === 0) {
        spans.push({ stage, start: spanStart, end: t });
      }
    }
    if (count > 0) {
      wall += count * (runEnd - previous);
      spans.push({ stage, start: spanStart, end: runEnd });
      openAtEnd.push(stage);
      warnings.push(`${file}: stage "${stage}" was still running when the run ended (${count} open; closed at the run's end)`);
    }
    if (wall > 0) walls[stage] = wall;
  }
  const order = [...firstStart].sort((a, b) => a[1] - b[1]).map(([stage]) => stage).filter((stage) => walls[stage] !== undefined);
  const orderedWalls: Record<string, number> = {};
  for (const stage of order) orderedWalls[stage] = walls[stage] as number;
  return {
    method: 'events',
    order,
    walls: orderedWalls,
    spans: spans.filter((s) => s.end > s.start),
    warnings,
    openAtEnd,
  };
}
