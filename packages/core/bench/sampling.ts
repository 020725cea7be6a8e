/** Repeated, garbage-collected timing runs: one run's GC debt must not land in the next one. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type EmulatorAddress, measured } from "./emulator-session.ts";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** A measured run: wall time and what the emulator counted. */
export interface Sample<T> {
  value: T;
  ms: number;
  apiCalls: number;
  requests: number;
}

/**
 * Runs `work` `runs` times (collecting garbage before each) and returns every sample's timing,
 * the median one, and the last run's value. Earlier values are dropped at once: a 100 MB design
 * kept alive would slow the next run's garbage collection and skew it.
 */
export async function sampled<T>(emulator: EmulatorAddress, runs: number, work: () => Promise<T>) {
  const samples: Omit<Sample<T>, "value">[] = [];
  let last: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    last = undefined;
    collectGarbage();
    const { value, ...timing } = await measured(emulator, work);
    samples.push(timing);
    last = value;
  }
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median || last === undefined) throw new Error("no runs");
  return { median, last, samples: samples.map((sample) => sample.ms) };
}
