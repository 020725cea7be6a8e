import type { ObjectList, ObjectSummary } from "../api/types.ts";

/** The edge's largest page of objects. */
export const OBJECTS_PAGE_LIMIT = 2000;

/**
 * Every object of a design, page by page (the edge caps a page at 2,000), so the browser can
 * search and filter them without a request per keystroke.
 *
 * @example const objects = await loadAllObjects((offset) => api.design.objects(id, { limit: 2000, offset }));
 */
export async function loadAllObjects(
  fetchPage: (offset: number, limit: number) => Promise<ObjectList>,
): Promise<ObjectSummary[]> {
  const objects: ObjectSummary[] = [];
  for (;;) {
    const page = await fetchPage(objects.length, OBJECTS_PAGE_LIMIT);
    objects.push(...page.objects);
    if (page.objects.length === 0 || objects.length >= page.total) return objects;
  }
}
