import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isDescribe, objectFromDescribe } from "./from-describe.ts";
import type { OrgObject } from "./types.ts";

function jsonFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".json")) found.push(path);
    }
  };
  walk(root);
  const key = (path: string) => relative(root, path).split(sep).join("/");
  return found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Loads a real org from a folder: every `*.json` below it holding a describe (or `{result: describe}`,
 * as `sf sobject describe --json` writes it) is one object; other JSON files are ignored; on duplicate
 * names the first file in path order wins.
 * @example loadOrgDir("../shared/fixtures/salesforce/org-lwrfileupload").length // 712
 */
export function loadOrgDir(dir: string): OrgObject[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`org folder not found: ${dir}`);
  }
  const objects: OrgObject[] = [];
  const seen = new Set<string>();
  for (const path of jsonFiles(dir)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      continue; // not JSON after all: not a describe
    }
    const describe = isDescribe(parsed)
      ? parsed
      : isDescribe((parsed as { result?: unknown } | null)?.result)
        ? (parsed as { result: unknown }).result
        : undefined;
    if (!isDescribe(describe)) continue;
    const key = describe.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    objects.push(objectFromDescribe(describe));
  }
  if (objects.length === 0) throw new Error(`no describes found below ${dir}`);
  return objects;
}
