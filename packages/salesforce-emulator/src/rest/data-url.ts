import { resolveVersion } from "./versions.ts";

/** A `/services/data/...` URL split into its version and resource path. */
export interface DataUrl {
  /** "62.0", or `undefined` for an unsupported version. */
  version: string | undefined;
  /** Resource path below the version, no query, no trailing slash ("sobjects/Account/describe"). */
  subPath: string;
}

/**
 * Parses `/services/data/vNN.N/...` (and, when `allowRelative`, `vNN.N/...` as composite/batch
 * accepts). `undefined` when the URL is not a versioned data URL at all.
 */
export function parseDataUrl(url: string, allowRelative = false): DataUrl | undefined {
  const path = url.split(/[?#]/)[0] ?? "";
  const match =
    /^\/services\/data\/(v[^/]+|latest)(?:\/(.*))?$/.exec(path) ??
    (allowRelative ? /^(v[^/]+|latest)(?:\/(.*))?$/.exec(path) : null);
  if (!match?.[1]) return undefined;
  return { version: resolveVersion(match[1]), subPath: (match[2] ?? "").replace(/\/+$/, "") };
}
