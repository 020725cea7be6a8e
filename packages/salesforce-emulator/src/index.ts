export { startEmulator, type RunningEmulator } from "./server.ts";
