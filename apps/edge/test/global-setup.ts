import { startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import type { TestProject } from "vitest/node";

// One emulator in Node for the whole run; tests reach it from workerd at EMULATOR_URL and steer
// it through its /__emulator control API.
let emulator: RunningEmulator | null = null;
// Read Design tests steer their own emulator (faults, org changes) without disturbing the others.
let designEmulator: RunningEmulator | null = null;

export async function setup(project: TestProject) {
  emulator = await startEmulator({ port: 0, org: { objects: 20 } });
  designEmulator = await startEmulator({ port: 0, org: { objects: 60, seed: 7 } });
  project.provide("emulatorUrl", emulator.url);
  project.provide("designEmulatorUrl", designEmulator.url);
}

export async function teardown() {
  await emulator?.close();
  await designEmulator?.close();
  emulator = null;
  designEmulator = null;
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    designEmulatorUrl: string;
  }
}
