/**
 * The Durable Object of one connection (`idFromName(connectionId)`), for typed RPC.
 * @example
 * const result = await connectionStub(env, id).getAccessToken({ connectionId: id, force: true });
 */
export function connectionStub(env: Pick<Env, "CONNECTION">, connectionId: string) {
  return env.CONNECTION.get(env.CONNECTION.idFromName(connectionId));
}
