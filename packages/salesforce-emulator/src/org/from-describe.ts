import type { OrgObject, SObjectDescribe } from "./types.ts";
import { GLOBAL_ENTRY_KEYS, VERSION_MARK } from "./types.ts";

const VERSION_IN_PATH = /\/services\/data\/v\d+\.\d+\//g;
const UI_URL_KEYS = new Set(["uiDetailTemplate", "uiEditTemplate", "uiNewRecord"]);

/** True when `value` is a describe: an object with a string `name` and a `fields` array. */
export function isDescribe(value: unknown): value is SObjectDescribe {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { name?: unknown }).name === "string" &&
    Array.isArray((value as { fields?: unknown }).fields)
  );
}

/**
 * Wraps a describe (captured or added through the control API) as an org object. It is served as
 * given, except that API versions in its URLs follow the requested version; attributes it lacks stay
 * absent, in its describeGlobal entry too.
 */
export function objectFromDescribe(describe: SObjectDescribe): OrgObject {
  const template = JSON.stringify(describe).replace(
    VERSION_IN_PATH,
    `/services/data/v${VERSION_MARK}/`,
  );
  const globalEntry: Record<string, unknown> = {};
  for (const key of GLOBAL_ENTRY_KEYS) {
    if (!(key in describe)) continue;
    const value = describe[key];
    if (key === "urls" && typeof value === "object" && value !== null) {
      const urls: Record<string, unknown> = {};
      for (const [name, url] of Object.entries(value)) {
        if (UI_URL_KEYS.has(name)) continue;
        urls[name] =
          typeof url === "string"
            ? url.replace(VERSION_IN_PATH, `/services/data/v${VERSION_MARK}/`)
            : url;
      }
      globalEntry.urls = urls;
    } else {
      globalEntry[key] = value;
    }
  }
  return {
    name: describe.name,
    fieldCount: describe.fields.length,
    globalEntry,
    renderDescribe: () => template,
  };
}
