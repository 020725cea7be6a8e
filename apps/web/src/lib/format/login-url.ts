/**
 * A first check of a My Domain login URL before the edge decides (it also checks the host): the
 * reason it cannot be one, or null when it may be.
 *
 * @example checkLoginUrl("acme.my.salesforce.com") // "Start with https://"
 */
export function checkLoginUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return "Enter a full address, starting with https://";
  }
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  // Plain http is for the local Salesforce emulator only; the edge refuses it elsewhere.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return "Start with https://";
  }
  if (/(^|\.)lightning\.force\.com$/.test(url.hostname)) {
    return "Use the My Domain login address (…my.salesforce.com), not the Lightning address.";
  }
  return null;
}
