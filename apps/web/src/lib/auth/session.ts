import { getContext, setContext } from "svelte";
import type { Me } from "../api/types.ts";

const SESSION_KEY = Symbol("session");

/**
 * Shares the signed-in person (user, organization, role) with the pages below the app layout.
 * Takes a getter so a reloaded session reaches everyone.
 *
 * @example setSession(() => data.me);
 */
export function setSession(me: () => Me): void {
  setContext(SESSION_KEY, me);
}

/**
 * The signed-in person, from the app layout.
 *
 * @example const me = useSession(); me().role
 */
export function useSession(): () => Me {
  const me = getContext<(() => Me) | undefined>(SESSION_KEY);
  if (!me) throw new Error("useSession() needs setSession() in the app layout.");
  return me;
}
