/**
 * Worker-thread entry: runs `startEmulator` with the options it was given and answers "close".
 * The benchmark keeps the emulator in its process but off the client's event loop, so the
 * emulator's own CPU (serving 1,500 describes) does not queue behind the client's parsing.
 */
import { parentPort, workerData } from "node:worker_threads";
import { startEmulator, type StartOptions } from "@portal/salesforce-emulator";

const port = parentPort;
if (!port) throw new Error("emulator-thread.ts must run as a worker thread");
const emulator = await startEmulator(workerData as StartOptions);
await emulator.warm();
port.postMessage({ url: emulator.url, port: emulator.port });
port.on("message", (message: unknown) => {
  if (message !== "close") return;
  void emulator.close().then(() => port.close());
});
