// Worker threads do not inherit tsx's loader on Node 20: load the TypeScript entry through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./emulator-thread.ts", import.meta.url);
