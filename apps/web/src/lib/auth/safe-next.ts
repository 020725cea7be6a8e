/**
 * Where to go after signing in: the `next` path when it is a path of this portal, else /services.
 * Absolute and protocol-relative URLs are refused so a link cannot send people elsewhere.
 *
 * @example safeNext("/services/s1") // "/services/s1"
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return "/services";
  }
  return next;
}
