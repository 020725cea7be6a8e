/** One `used/max` counter from `Sforce-Limit-Info`. */
export interface UsageCounter {
  used: number;
  max: number;
}

/** The parsed `Sforce-Limit-Info` header (REST guide `headers_api_usage`). */
export interface LimitInfo {
  /** `api-usage=18/5000`: the org's rolling 24-hour API request count. */
  apiUsage: UsageCounter | null;
  /** `per-app-api-usage=17/250(appName=...)`: the connected app's share (pilot). */
  perAppApiUsage: (UsageCounter & { appName: string | null }) | null;
  /** `api-bursts=1/750`. */
  apiBursts: UsageCounter | null;
}

const PART = /^\s*([a-z-]+)\s*=\s*(\d+)\s*\/\s*(\d+)\s*(?:\(appName=([^)]*)\))?\s*$/i;

/**
 * Parses a `Sforce-Limit-Info` header value. Unknown parts are ignored; a header with no part we
 * understand (or no header) gives `null`.
 *
 * @example
 * parseLimitInfo("api-usage=18/5000") // { apiUsage: { used: 18, max: 5000 }, perAppApiUsage: null, apiBursts: null }
 */
export function parseLimitInfo(header: string | null | undefined): LimitInfo | null {
  if (!header) return null;
  const info: LimitInfo = { apiUsage: null, perAppApiUsage: null, apiBursts: null };
  let understood = false;
  for (const part of header.split(",")) {
    const match = PART.exec(part);
    if (!match) continue;
    const counter = { used: Number(match[2]), max: Number(match[3]) };
    switch (match[1]?.toLowerCase()) {
      case "api-usage":
        info.apiUsage = counter;
        understood = true;
        break;
      case "per-app-api-usage":
        info.perAppApiUsage = { ...counter, appName: match[4] ?? null };
        understood = true;
        break;
      case "api-bursts":
        info.apiBursts = counter;
        understood = true;
        break;
    }
  }
  return understood ? info : null;
}
