import { redirect } from "@sveltejs/kit";
import { api } from "$lib/api/client.ts";
import { ApiError } from "$lib/api/errors.ts";
import type { PageLoad } from "./$types";

// `/` has no page of its own: signed in -> services (keeping a callback outcome such as
// `?authorize=invalid_state`), else the sign-in form.
export const load: PageLoad = async ({ url }) => {
  try {
    await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) redirect(307, "/sign-in");
    throw error;
  }
  redirect(307, `/services${url.search}`);
};
