/** The engine over a real captured org loaded into the emulator: every object and field must be read. */
import { startEmulatorThread } from "./emulator-host.ts";
import { readDesign } from "../src/design/index.ts";
import { accessToken, counters, measured } from "./emulator-session.ts";

export async function readRealOrg(
  name: string,
  dir: string,
  config: { latencyMs: number; perDescribeMs: number; maxConcurrent: number },
  lanes: { maxInFlight: number; lookaheadMs: number },
) {
  const emulator = await startEmulatorThread({ port: 0, org: { dir }, config });
  try {
    const token = await accessToken(emulator);
    const org = await counters(emulator);
    const run = await measured(emulator, () =>
      readDesign({
        instanceUrl: emulator.url,
        accessToken: token,
        ...lanes,
        compression: false,
      }),
    );
    const objects = run.value.objects.length;
    const fields = run.value.objects.reduce((sum, object) => sum + object.fields.length, 0);
    if (run.value.status !== "finished" || objects !== org.objects || fields !== org.fields) {
      throw new Error(
        `${name}: read ${objects}/${org.objects} objects and ${fields}/${org.fields} fields (${run.value.failedObjects.length} failed)`,
      );
    }
    return {
      bench: "read-design-real-org",
      org: name,
      objects,
      fields,
      ms: run.ms,
      apiCalls: run.apiCalls,
      requests: run.requests,
    };
  } finally {
    await emulator.close();
  }
}
