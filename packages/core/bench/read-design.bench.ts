/**
 * `pnpm bench`: the Read Design engine against jsforce on the same in-process emulator (1,500
 * generated objects, 150 ms latency, 20 ms per describe, 25 requests in service), then every
 * strategy, an unchanged incremental re-read, and the two real captured orgs.
 * Prints JSON lines on stdout only; diagnostics go to stderr.
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { readDesign } from "../src/design/index.ts";
import type { ReadDesignResult, ReadStrategy } from "../src/design/index.ts";
import { startEmulatorThread } from "./emulator-host.ts";
import { accessToken, configure, counters } from "./emulator-session.ts";
import { readWithJsforce } from "./jsforce-read.ts";
import { readRealOrg } from "./real-orgs.ts";
import { sampled } from "./sampling.ts";

const OBJECTS = 1500;
const SEED = 7;
const LATENCY_MS = 150;
const PER_DESCRIBE_MS = 20;
const MAX_CONCURRENT = 25;
const MAX_IN_FLIGHT = 25;
// One round trip: each lane's next request waits at Salesforce instead of behind our parsing.
const LOOKAHEAD_MS = 150;
const RUNS = 3;
const FIXTURES = new URL("../../../../shared/fixtures/salesforce/", import.meta.url).pathname;

function floorMs(objects: number): number {
  const perLane = Math.ceil(objects / MAX_CONCURRENT);
  return LATENCY_MS + perLane * PER_DESCRIBE_MS + Math.ceil(perLane / 25) * LATENCY_MS;
}

function fieldsOf(result: ReadDesignResult): number {
  return result.objects.reduce((sum, object) => sum + object.fields.length, 0);
}

function check(label: string, ok: boolean): boolean {
  if (!ok) console.error(`# target missed: ${label}`);
  return ok;
}

async function main(): Promise<void> {
  const emulator = await startEmulatorThread({
    port: 0,
    org: { objects: OBJECTS, seed: SEED },
    config: {
      latencyMs: LATENCY_MS,
      perDescribeMs: PER_DESCRIBE_MS,
      maxConcurrent: MAX_CONCURRENT,
      apiLimit: 1_000_000,
    },
  });
  try {
    const token = await accessToken(emulator);
    const org = await counters(emulator);
    const read = (
      strategy: ReadStrategy,
      previous: ReadDesignResult | null = null,
      compression = false,
    ) =>
      readDesign({
        instanceUrl: emulator.url,
        accessToken: token,
        maxInFlight: MAX_IN_FLIGHT,
        lookaheadMs: LOOKAHEAD_MS,
        // Loopback: gzip only burns CPU on both ends (it stays on by default for real orgs).
        compression,
        options: { strategy, mode: previous ? "incremental" : "full" },
        previous: previous ? { readAt: previous.readAt, objects: previous.objects } : null,
      });
    const complete = (label: string, result: ReadDesignResult) => {
      if (
        result.status !== "finished" ||
        result.objects.length !== org.objects ||
        fieldsOf(result) !== org.fields
      ) {
        throw new Error(
          `${label}: read ${result.objects.length}/${org.objects} objects, ${fieldsOf(result)}/${org.fields} fields`,
        );
      }
      return result;
    };

    // Warm both clients (JIT, sockets) without latency, so neither pays one-time costs in the timings.
    await configure(emulator, { latencyMs: 0, perDescribeMs: 0 });
    complete("warm-up", await read("composite"));
    await readWithJsforce(emulator.url, token);
    await configure(emulator, { latencyMs: LATENCY_MS, perDescribeMs: PER_DESCRIBE_MS });

    const ours = await sampled(emulator, RUNS, async () =>
      complete("ours", await read("composite")),
    );
    console.error(
      `# ours: ${ours.samples.join(", ")} ms; ${ours.median.apiCalls} API calls, ${ours.median.requests} requests`,
    );
    const gzip = await sampled(emulator, 1, async () =>
      complete("gzip", await read("composite", null, true)),
    );
    console.error(`# ours asking for gzip: ${gzip.median.ms} ms`);
    const baseline = await sampled(emulator, RUNS, () => readWithJsforce(emulator.url, token));
    if (baseline.last.objects !== org.objects)
      throw new Error(`jsforce read ${baseline.last.objects} objects`);
    console.error(
      `# jsforce: ${baseline.samples.join(", ")} ms; ${baseline.median.apiCalls} API calls`,
    );
    const previous = ours.last;
    const incremental = await sampled(emulator, RUNS, async () =>
      complete("incremental", await read("composite", previous)),
    );
    const strategies: Record<string, { ms: number; apiCalls: number; requests: number }> = {};
    for (const strategy of ["composite", "batch", "single"] as const) {
      const run = await sampled(emulator, 1, async () => complete(strategy, await read(strategy)));
      strategies[strategy] = {
        ms: run.median.ms,
        apiCalls: run.median.apiCalls,
        requests: run.median.requests,
      };
      console.error(
        `# ${strategy}: ${run.median.ms} ms, ${run.median.apiCalls} API calls, ${run.median.requests} requests`,
      );
    }
    const floor = floorMs(org.objects);
    const o = ours.median;
    const targetsMet = {
      floor: check(`ours ${o.ms} ms <= 1.3 x floor ${floor} ms`, o.ms <= 1.3 * floor),
      vsJsforce: check(
        `jsforce ${baseline.median.ms} ms >= 5 x ours ${o.ms} ms`,
        baseline.median.ms >= 5 * o.ms,
      ),
      apiCalls: check(
        `ours ${o.apiCalls} calls <= ${Math.ceil(org.objects / 25) + 3}`,
        o.apiCalls <= Math.ceil(org.objects / 25) + 3,
      ),
      incremental: check(
        `incremental ${incremental.median.ms} ms <= ${2 * LATENCY_MS + 100} ms and ${incremental.median.apiCalls} calls <= 3`,
        incremental.median.ms <= 2 * LATENCY_MS + 100 && incremental.median.apiCalls <= 3,
      ),
    };
    console.log(
      JSON.stringify({
        bench: "read-design",
        objects: org.objects,
        fields: org.fields,
        latencyMs: LATENCY_MS,
        perDescribeMs: PER_DESCRIBE_MS,
        maxConcurrent: MAX_CONCURRENT,
        maxInFlight: MAX_IN_FLIGHT,
        lookaheadMs: LOOKAHEAD_MS,
        floorMs: floor,
        ours: {
          ms: o.ms,
          apiCalls: o.apiCalls,
          requests: o.requests,
          samples: ours.samples,
          gzipMs: gzip.median.ms,
        },
        jsforce: {
          ms: baseline.median.ms,
          apiCalls: baseline.median.apiCalls,
          samples: baseline.samples,
        },
        incremental: { ms: incremental.median.ms, apiCalls: incremental.median.apiCalls },
        strategies,
        speedup: Math.round((baseline.median.ms / o.ms) * 100) / 100,
        targetsMet,
        // Timings share this machine with everything else running: say how busy it was.
        machine: { cores: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
      }),
    );
  } finally {
    await emulator.close();
  }

  for (const name of ["org-lwrfileupload", "org-jira-sf-integration"]) {
    const dir = `${FIXTURES}${name}`;
    if (!existsSync(dir)) {
      console.error(
        `# skipped ${name}: ${dir} is absent (captured orgs live only beside the repository)`,
      );
      continue;
    }
    const config = {
      latencyMs: LATENCY_MS,
      perDescribeMs: PER_DESCRIBE_MS,
      maxConcurrent: MAX_CONCURRENT,
    };
    console.log(
      JSON.stringify(
        await readRealOrg(name, dir, config, {
          maxInFlight: MAX_IN_FLIGHT,
          lookaheadMs: LOOKAHEAD_MS,
        }),
      ),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
