/** Plain settings derived from the Worker's vars; routes pass these into core and the DB layer. */
export type EdgeConfig = {
  /** The Worker's public origin, e.g. `https://portal.example.com`. */
  publicOrigin: string;
  /** Where the browser lands after the OAuth callback and where `redirect_uri` points. */
  portalOrigin: string;
  /** Origins allowed to make cookie-authenticated writes. */
  allowedOrigins: string[];
  /** Local development: loopback Salesforce hosts and the demo seed are allowed. */
  localDev: boolean;
  /** `<portal origin>/oauth/callback`, registered with Salesforce. */
  redirectUri: string;
};

function originOf(value: string, name: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new Error(`${name} must be an absolute URL`);
  }
}

/**
 * Reads the edge's settings from the Worker bindings.
 * @example
 * const { portalOrigin } = readConfig(c.env);
 */
export function readConfig(
  env: Pick<Env, "PUBLIC_URL" | "PORTAL_DEV_URL" | "LOCAL_DEV">,
): EdgeConfig {
  const publicOrigin = originOf(env.PUBLIC_URL, "PUBLIC_URL");
  const devOrigin = env.PORTAL_DEV_URL ? originOf(env.PORTAL_DEV_URL, "PORTAL_DEV_URL") : null;
  const portalOrigin = devOrigin ?? publicOrigin;
  return {
    publicOrigin,
    portalOrigin,
    allowedOrigins:
      devOrigin && devOrigin !== publicOrigin ? [publicOrigin, devOrigin] : [publicOrigin],
    localDev: env.LOCAL_DEV === "true",
    redirectUri: `${portalOrigin}/oauth/callback`,
  };
}
