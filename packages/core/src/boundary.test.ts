import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Core must stay runtime-agnostic: Web APIs only (see docs/architecture.md).
const FORBIDDEN = [/^cloudflare:/, /^hono(\/|$)/, /^drizzle-orm(\/|$)/, /^@cloudflare\//, /^node:/];
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe("core boundary", () => {
  it("Should import no platform module from production source", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(new URL(".", import.meta.url).pathname)) {
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = match[1] ?? match[2] ?? "";
        if (FORBIDDEN.some((rule) => rule.test(spec))) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
