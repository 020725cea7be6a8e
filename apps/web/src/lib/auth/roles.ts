import type { Role } from "../api/types.ts";

/**
 * Whether a role may change things (services, connections, authorizations, API keys); members
 * may look, test and read designs. The edge enforces the same rule.
 *
 * @example canManage("member") // false
 */
export function canManage(role: Role): boolean {
  return role === "owner" || role === "admin";
}
