/**
 * @portal/core/sealing: AES-256-GCM sealing of secrets at rest with a rotating key ring.
 */
export { SealingError } from "../errors.ts";
export { generateKeyRingJson, importKeyRing, type KeyRing } from "./key-ring.ts";
export { open, reseal, seal, sealedKeyId, type SealingContext } from "./seal.ts";
