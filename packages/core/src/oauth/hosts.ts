import { LoginHostError } from "../errors.ts";

/** Options for the Salesforce host checks. */
export interface HostCheckOptions {
  /** Accept http(s)://127.0.0.1, localhost and [::1] on any port. Only local development turns this on. */
  allowLoopback?: boolean;
}

const EXACT_HOSTS = new Set(["login.salesforce.com", "test.salesforce.com"]);
// My Domain (sandbox `x--y.sandbox.my.salesforce.com`, `*.develop.`, `*.scratch.` included),
// Experience Cloud, and the older force.com / cloudforce.com site and login domains (API contract).
const HOST_SUFFIXES = [".my.salesforce.com", ".my.site.com", ".force.com", ".cloudforce.com"];
// Pre-enhanced-domain instance hosts (`na1.salesforce.com`, `cs42.salesforce.com`) still appear as
// `instance_url` in older orgs and in restforce's captured token responses.
const LEGACY_INSTANCE_HOST = /^[a-z]{2,3}\d{1,3}\.salesforce\.com$/;
// Lightning UI hosts are not OAuth hosts, yet users paste them (forcedotcom/cli#2241, jsforce#1352).
const LIGHTNING_HOST = /(^|\.)lightning\.(force|salesforce)\.com$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Checks that a URL points at a Salesforce host we may send credentials or tokens to, and
 * returns it parsed (https default port dropped; path, query kept). Use it on every
 * `instance_url` and identity URL Salesforce returns, before any token goes there (SSRF guard).
 *
 * @param input - an absolute URL, or a bare host name (https is assumed)
 * @throws {LoginHostError} with a `reason` when the URL is not acceptable
 * @example
 * assertSalesforceUrl("https://acme.my.salesforce.com/id/00D/005").pathname // "/id/00D/005"
 */
export function assertSalesforceUrl(input: string | URL, options: HostCheckOptions = {}): URL {
  const url = parseInput(input);
  if (url.username !== "" || url.password !== "") {
    throw new LoginHostError(
      "has_credentials",
      "The URL must not contain a user name or password.",
    );
  }
  const host = url.hostname;
  if (LOOPBACK_HOSTS.has(host)) {
    if (options.allowLoopback === true && (url.protocol === "http:" || url.protocol === "https:")) {
      return url;
    }
    throw new LoginHostError(
      url.protocol === "https:" ? "not_salesforce" : "not_https",
      `Loopback hosts such as ${host} are only accepted in local development.`,
    );
  }
  if (url.protocol !== "https:") {
    throw new LoginHostError("not_https", `Salesforce URLs must use https, not ${url.protocol}`);
  }
  if (LIGHTNING_HOST.test(host)) {
    throw new LoginHostError(
      "lightning_host",
      `${host} is a Lightning UI host, not a login host: use the My Domain (https://<name>.my.salesforce.com).`,
    );
  }
  if (!isSalesforceHost(host)) {
    throw new LoginHostError(
      "not_salesforce",
      `${host} is not a Salesforce login host: use login.salesforce.com, test.salesforce.com or a My Domain such as https://acme.my.salesforce.com.`,
    );
  }
  url.port = "";
  return url;
}

/**
 * Validates a connection's login URL and reduces it to its origin (path, query and https port
 * dropped). Accepts production, sandbox, My Domain, Experience Cloud, *.force.com and
 * *.cloudforce.com hosts; loopback http hosts only with `allowLoopback`.
 *
 * @throws {LoginHostError} with a `reason` when the URL is not acceptable
 * @example
 * parseLoginUrl("https://acme.my.salesforce.com/lightning/page").href // "https://acme.my.salesforce.com/"
 * parseLoginUrl("http://127.0.0.1:8788/x", { allowLoopback: true }).href // "http://127.0.0.1:8788/"
 */
export function parseLoginUrl(input: string, options: HostCheckOptions = {}): URL {
  return new URL(assertSalesforceUrl(input, options).origin);
}

function parseInput(input: string | URL): URL {
  if (input instanceof URL) return new URL(input.href);
  const text = input.trim();
  if (text === "") throw new LoginHostError("invalid_url", "The URL is empty.");
  // A bare host ("acme.my.salesforce.com") is what users often paste; treat it as https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    throw new LoginHostError("invalid_url", "The URL could not be parsed.");
  }
}

function isSalesforceHost(host: string): boolean {
  if (host.split(".").some((label) => label === "")) return false;
  if (EXACT_HOSTS.has(host) || LEGACY_INSTANCE_HOST.test(host)) return true;
  return HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
