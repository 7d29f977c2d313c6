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

/** Past this many located warnings per file, the rest are only counted (a broken writer can emit millions). */
export const MAX_LOCATED_WARNINGS = 50;

/** Warnings of one file: the first MAX_LOCATED_WARNINGS located, then a count of the others. */
export class WarningList {
  private readonly located: string[] = [];
  private more = 0;

  constructor(private readonly what: string) {}

  add(message: string): void {
    if (this.located.length < MAX_LOCATED_WARNINGS) this.located.push(message);
    else this.more++;
  }

  get size(): number {
    return this.located.length + this.more;
  }

  clear(): void {
    this.located.length = 0;
    this.more = 0;
  }

  list(): string[] {
    return this.more > 0 ? [...this.located, `${this.what}: ${this.more} more problem line(s) not listed`] : [...this.located];
  }
}

/** Parses one line (number `line`); undefined for a blank line, a located warning for a bad one. */
function parseEventLine(text: string, line: number, file: string): StageEvent | string | undefined {
  if (text.trim() === '') return undefined;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return `${file} line ${line}: not valid JSON (ignored)`;
  }
  const valid =
    isObject(record) &&
    typeof record.ts === 'number' &&
    Number.isFinite(record.ts) &&
    typeof record.stage === 'string' &&
    record.stage.trim() !== '' &&
    (record.event === 'start' || record.event === 'end');
  if (!valid) return `${file} line ${line}: expected {"ts": <epoch seconds>, "stage": "<name>", "event": "start"|"end"} (ignored)`;
  const ok = record as { ts: number; stage: string; event: 'start' | 'end' };
  return { ts: ok.ts, stage: ok.stage.trim(), event: ok.event, line };
}

/** Parses a whole events file's text; a last line without newline is still read (the writer has exited). */
export function parseEventsText(text: string, file: string): { events: StageEvent[]; warnings: string[] } {
  const events: StageEvent[] = [];
  const warnings = new WarningList(file);
  let line = 1;
  for (let at = 0; at <= text.length; line++) {
    const newline = text.indexOf('\n', at);
    const stop = newline === -1 ? text.length : newline;
    const parsed = parseEventLine(text.slice(at, stop), line, file);
    if (typeof parsed === 'string') warnings.add(parsed);
    else if (parsed) events.push(parsed);
    at = stop + 1;
  }
  return { events, warnings: warnings.list() };
}

/** Bytes read per poll while the run goes on: a burst is taken in over the next polls, not in one tick. */
const BYTES_PER_POLL = 1024 * 1024;
/** A line longer than this is not a stage event: it is skipped instead of growing without bound. */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Reads what the pipeline appended since the last poll, in bounded chunks: only complete lines; a
 * partial last line waits for its newline (or for `final`).
 */
export class EventsTail {
  private offset = 0;
  private pending = '';
  /** Inside an overlong line: drop text up to its newline. */
  private skipping = false;
  private nextLine = 1;
  readonly events: StageEvent[] = [];
  private readonly problems: WarningList;
  /** Running occurrences per stage, kept as events arrive (progress lines ask every few seconds). */
  private readonly open = new Map<string, number>();
  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
  // Keeps a multi-byte character split across two reads whole.
  private decoder = new StringDecoder('utf8');

  constructor(readonly path: string) {
    this.problems = new WarningList(path);
  }

  get warnings(): string[] {
    return this.problems.list();
  }

  /** The file kept open between polls (one fstat per poll), with the inode it was opened on. */
  private fd: number | undefined;
  private ino: number | undefined;

  private restart(): void {
    this.offset = 0;
    this.pending = '';
    this.skipping = false;
    this.nextLine = 1;
    this.decoder = new StringDecoder('utf8');
  }

  private openCurrent(): number | undefined {
    const onDisk = statSync(this.path, { throwIfNoEntry: false });
    if (!onDisk) return undefined;
    if (this.fd !== undefined && onDisk.ino === this.ino) return this.fd;
    // First open, or the file was replaced (written anew and renamed): the file on disk is the
    // record (the rebuild reads it too), so start over from it.
    if (this.fd !== undefined) {
      this.events.length = 0;
      this.problems.clear();
      this.open.clear();
    }
    this.close();
    this.fd = openSync(this.path, 'r');
    this.ino = onDisk.ino;
    this.restart();
    return this.fd;
  }

  /** Returns how many events were added. `final`: the writer has exited; read to the end, and a last line without newline. */
  poll(final = false): number {
    const before = this.events.length;
    try {
      // Between polls the held file is enough; a final poll checks the path again (replaced file?).
      const fd = this.fd !== undefined && !final ? this.fd : this.openCurrent();
      if (fd !== undefined) {
        const size = fstatSync(fd).size;
        if (size < this.offset) {
          // Truncated by someone: start over rather than read garbage.
          const line = this.nextLine;
          this.restart();
          this.nextLine = line;
        }
        const limit = final ? size : Math.min(size, this.offset + BYTES_PER_POLL);
        while (this.offset < limit) {
          const length = readSync(fd, this.buffer, 0, Math.min(this.buffer.length, limit - this.offset), this.offset);
          if (length <= 0) break;
          this.offset += length;
          this.take(this.decoder.write(this.buffer.subarray(0, length)));
        }
      }
    } catch {
      // Unreadable: nothing new this time.
    }
    if (final) {
      if (!this.skipping) this.addLine(this.pending + this.decoder.end());
      this.pending = '';
      this.close();
    }
    return this.events.length - before;
  }

  /** Splits a chunk into complete lines; the partial last one waits in `pending`. */
  private take(text: string): void {
    let at = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', at)) {
      if (!this.skipping) this.addLine(this.pending + text.slice(at, newline));
      else this.nextLine++;
      this.pending = '';
      this.skipping = false;
      at = newline + 1;
    }
    if (this.skipping) return;
    this.pending += text.slice(at);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.problems.add(`${this.path} line ${this.nextLine}: longer than ${MAX_LINE_CHARS} characters (ignored)`);
      this.pending = '';
      this.skipping = true;
    }
  }

  private addLine(text: string): void {
    const parsed = parseEventLine(text, this.nextLine++, this.path);
    if (typeof parsed === 'string') {
      this.problems.add(parsed);
      return;
    }
    if (!parsed) return;
    this.events.push(parsed);
    this.open.set(parsed.stage, Math.max(0, (this.open.get(parsed.stage) ?? 0) + (parsed.event === 'start' ? 1 : -1)));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Stages with an occurrence running now (for progress lines). */
  openStages(): string[] {
    return [...this.open].filter(([, n]) => n > 0).map(([stage]) => stage);
  }
}

/** Builds the stage timeline of a run from its events (pure). Times are clamped to [runStart, runEnd]. */
export function timelineFromEvents(events: readonly StageEvent[], runStart: number, runEnd: number, file: string): StageTimeline {
  const warnings = new WarningList(file);
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
        warnings.add(`${file} line ${e.line}: "end" of stage "${stage}" without a matching "start" (ignored)`);
      } else if (--count === 0) {
        spans.push({ stage, start: spanStart, end: t });
      }
    }
    if (count > 0) {
      wall += count * (runEnd - previous);
      spans.push({ stage, start: spanStart, end: runEnd });
      openAtEnd.push(stage);
      warnings.add(`${file}: stage "${stage}" was still running when the run ended (${count} open; closed at the run's end)`);
    }
    if (wall > 0) walls[stage] = wall;
  }
  const order = [...firstStart]
    .sort((a, b) => a[1] - b[1])
    .map(([stage]) => stage)
    .filter((stage) => walls[stage] !== undefined);
  const orderedWalls: Record<string, number> = {};
  for (const stage of order) orderedWalls[stage] = walls[stage] as number;
  return {
    method: 'events',
    order,
    walls: orderedWalls,
    spans: spans.filter((s) => s.end > s.start),
    warnings: warnings.list(),
    openAtEnd,
  };
}
