/** Starts the emulator on a worker thread of this process; see emulator-thread.ts for why. */
import { Worker } from "node:worker_threads";
import type { StartOptions } from "@portal/salesforce-emulator";

/** The parts of a running emulator the benchmark uses. */
export interface HostedEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmulatorThread(options: StartOptions): Promise<HostedEmulator> {
  const worker = new Worker(new URL("./emulator-thread-entry.mjs", import.meta.url), {
    workerData: options,
  });
  const address = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`emulator thread exited with code ${code}`)));
  });
  return {
    ...address,
    close: () =>
      new Promise((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("close");
      }),
  };
}
