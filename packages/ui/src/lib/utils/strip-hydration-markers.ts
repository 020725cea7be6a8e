/** Server-rendered HTML without Svelte's hydration comments, so tests can match tags directly. */
export function stripHydrationMarkers(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, "");
}
