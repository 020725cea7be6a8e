/** A connected app (External Client App) registered in the emulated org. */
export interface OAuthClient {
  id: string;
  secret: string;
  name: string;
}

/** The one registered client (see README: "Client"). */
export const EMULATOR_CLIENT: Readonly<OAuthClient> = Object.freeze({
  id: "emulator-client-id",
  secret: "emulator-client-secret",
  name: "Connection Portal (local)",
});

/** Looks a client up by id. */
export function findClient(clientId: string | null | undefined): OAuthClient | undefined {
  return clientId === EMULATOR_CLIENT.id ? EMULATOR_CLIENT : undefined;
}

/**
 * Registered callback URLs: any port of http://127.0.0.1 or http://localhost, path
 * `/oauth/callback`, no query or fragment.
 */
export function isRegisteredRedirectUri(_client: OAuthClient, redirectUri: string | null): boolean {
  if (!redirectUri) return false;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  return (
    url.protocol === "http:" &&
    (url.hostname === "127.0.0.1" || url.hostname === "localhost") &&
    url.pathname === "/oauth/callback" &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "" &&
    !redirectUri.includes("#")
  );
}
