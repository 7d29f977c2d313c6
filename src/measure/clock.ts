/** The real clock: epoch seconds from the system clock (what a pipeline's own timestamps use), monotonic ms for scheduling. */
import type { Clock } from './ports.js';

export const systemClock: Clock = {
  nowEpoch: () => Date.now() / 1000,
  nowMono: () => performance.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};
