import { drive } from "../drive.ts";
import type { ReadState } from "../engine/types.ts";
import type { ObjectDesign } from "../model.ts";
import type { FakeSalesforce } from "./fake-salesforce.ts";

/** The access token every fake read uses. */
export const token = async () => "token-1";

/** Drives a run to the end, collecting the design the way a caller persists it. */
export async function readAll(
  org: FakeSalesforce,
  state: ReadState,
  maxInFlight = 6,
  previous = new Map<string, ObjectDesign>(),
) {
  const design = new Map(previous);
  const result = await drive(state, {
    send: org.send,
    getAccessToken: token,
    maxInFlight,
    onApplied: (applied) => {
      for (const object of applied.read) design.set(object.name, object);
      for (const name of applied.removed) design.delete(name);
    },
  });
  return { ...result, design };
}
