import { startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import type { TestProject } from "vitest/node";

// One emulator in Node for the whole run; tests reach it from workerd at EMULATOR_URL and steer
// it through its /__emulator control API.
let emulator: RunningEmulator | null = null;

export async function setup(project: TestProject) {
  emulator = await startEmulator({ port: 0 });
  project.provide("emulatorUrl", emulator.url);
}

export async function teardown() {
  await emulator?.close();
  emulator = null;
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}
