import { escapeHtml } from "../http/html.ts";

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f3f3f3; margin: 0; color: #181818; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem;
         box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #747474;
          border-radius: .25rem; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; border-radius: .25rem;
           border: 1px solid #0b5cab; background: #0b5cab; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b5cab; margin-right: .5rem; }
  button:focus-visible, input:focus-visible { outline: 3px solid #1b96ff; outline-offset: 2px; }
  .error { color: #ba0517; font-weight: 600; }
  ul { padding-left: 1.25rem; }
  footer { text-align: center; font-size: .8rem; color: #5c5c5c; margin-top: 1rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Salesforce (emulator)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<footer>Local Salesforce emulator</footer>
</body>
</html>
`;
}

/** The login form; fields `username` and `password`, button "Log In". */
export function loginPage(
  action: string,
  options: { username?: string; error?: string } = {},
): string {
  const error = options.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>`
    : "";
  const describedBy = options.error ? ` aria-describedby="login-error"` : "";
  return page(
    "Login",
    `<h1>Log In</h1>
${error}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(options.username ?? "")}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Log In</button>
</form>`,
  );
}

const SCOPE_TEXT: Record<string, string> = {
  api: "Manage user data via APIs (api)",
  refresh_token: "Perform requests at any time (refresh_token, offline_access)",
  offline_access: "Perform requests at any time (refresh_token, offline_access)",
  id: "Access the identity URL service (id, profile, email, address, phone)",
  openid: "Access unique user identifiers (openid)",
  full: "Full access (full)",
  web: "Access the Salesforce API Platform (web)",
};

/** The "Allow Access?" page with the buttons "Allow" and "Deny". */
export function consentPage(
  action: string,
  appName: string,
  username: string,
  scopes: string[],
): string {
  const items = [...new Set(scopes.map((s) => SCOPE_TEXT[s] ?? `${s}`))]
    .map((text) => `<li>${escapeHtml(text)}</li>`)
    .join("\n");
  return page(
    "Allow Access?",
    `<h1>Allow Access?</h1>
<p><strong>${escapeHtml(appName)}</strong> is asking to:</p>
<ul>
${items}
</ul>
<p>Do you want to allow access for <strong>${escapeHtml(username)}</strong>?</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</form>`,
  );
}

/** Salesforce's "Remote Access Error" page, for errors that must not redirect. */
export function errorPage(error: string, description: string): string {
  return page(
    "Remote Access Error",
    `<h1>Remote Access Error</h1>
<p>There was a problem in setting up your remote access.</p>
<p><code>error=${escapeHtml(error)}&amp;error_description=${escapeHtml(description)}</code></p>`,
  );
}
