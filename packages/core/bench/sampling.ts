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

/** Runs `work` `runs` times (collecting garbage before each) and returns every sample and the median one. */
export async function sampled<T>(emulator: EmulatorAddress, runs: number, work: () => Promise<T>) {
  const samples: Sample<T>[] = [];
  for (let run = 0; run < runs; run += 1) {
    collectGarbage();
    samples.push(await measured(emulator, work));
  }
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error("no runs");
  return { median, samples: samples.map((sample) => sample.ms) };
}
