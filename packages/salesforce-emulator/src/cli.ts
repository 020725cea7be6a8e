#!/usr/bin/env -S npx tsx
import { startEmulator } from "./server.ts";

const port = Number(process.env.SF_EMULATOR_PORT ?? 8788);
const emulator = await startEmulator({ port });
console.log(`Salesforce emulator listening on ${emulator.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
