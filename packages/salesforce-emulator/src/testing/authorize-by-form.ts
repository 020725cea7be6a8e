/** Options of `authorizeByForm`. */
export interface AuthorizeByFormOptions {
  /** Default "admin@example.com". */
  username?: string;
  /** Default "password". */
  password?: string;
  /** Button pressed on "Allow Access?" (default "allow"). */
  decision?: "allow" | "deny";
  /** Cookie header of an earlier login (skips the login page when still valid). */
  cookie?: string;
}

const decodeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function formAction(html: string, pageUrl: string): string {
  const match = /<form[^>]*\saction="([^"]*)"/i.exec(html);
  if (!match?.[1]) throw new Error("authorizeByForm: the page has no form");
  return new URL(decodeHtml(match[1]), pageUrl).toString();
}

function pageError(html: string): string {
  const error = /error=([a-z_-]+)/i.exec(html)?.[1];
  const alert = /role="alert"[^>]*>([^<]*)</i.exec(html)?.[1];
  return error ?? (alert ? decodeHtml(alert) : "unexpected page");
}

/**
 * Performs the browser part of the emulator's OAuth flow over HTTP: opens the authorize URL, logs
 * in, presses "Allow" (or "Deny") and returns the redirect Location (with `code` and `state`, or
 * `error`). Throws with the emulator's error code when a page shows an error.
 * @example
 * const callback = await authorizeByForm(authorizeUrl);
 * const code = callback.searchParams.get("code");
 */
export async function authorizeByForm(
  authorizeUrl: string,
  options: AuthorizeByFormOptions = {},
): Promise<URL> {
  const { username = "admin@example.com", password = "password", decision = "allow" } = options;
  let cookie = options.cookie ?? "";
  let sawConsent = false;
  let response = await fetch(authorizeUrl, {
    redirect: "manual",
    headers: cookie ? { cookie } : {},
  });
  for (let step = 0; step < 4; step++) {
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      if (decision === "deny" && !sawConsent) {
        throw new Error(
          'authorizeByForm: no "Allow Access?" page was shown, so Deny could not be pressed (add prompt=consent)',
        );
      }
      return new URL(location, authorizeUrl);
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`authorizeByForm: ${response.status} ${pageError(html)}`);
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0] ?? cookie;
    const action = formAction(html, response.url || authorizeUrl);
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      ...(cookie ? { cookie } : {}),
    };
    let form: URLSearchParams;
    if (/name="username"/.test(html)) {
      if (step > 0 && /role="alert"/.test(html))
        throw new Error(`authorizeByForm: login failed: ${pageError(html)}`);
      form = new URLSearchParams({ username, password });
    } else if (/Allow Access\?/.test(html)) {
      sawConsent = true;
      form = new URLSearchParams({ decision });
    } else {
      throw new Error(`authorizeByForm: unexpected page: ${pageError(html)}`);
    }
    response = await fetch(action, { method: "POST", redirect: "manual", headers, body: form });
  }
  throw new Error("authorizeByForm: the flow did not end in a redirect");
}
