import { error, redirect } from "@sveltejs/kit";
import { api } from "$lib/api/client.ts";
import { ApiError, errorMessage } from "$lib/api/errors.ts";
import type { LayoutLoad } from "./$types";

// Every page in this group needs a session; without one, sign in and come back.
export const load: LayoutLoad = async ({ url, depends, untrack }) => {
  depends("app:me");
  try {
    return { me: await api.me() };
  } catch (err) {
    if (err instanceof ApiError && err.isUnauthorized) {
      const next = untrack(() => url.pathname + url.search);
      redirect(307, `/sign-in?next=${encodeURIComponent(next)}`);
    }
    error(err instanceof ApiError && err.status >= 400 ? err.status : 503, errorMessage(err));
  }
};
