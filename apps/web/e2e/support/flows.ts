import { expect, type Locator, type Page } from "@playwright/test";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./portal.ts";
import { authorizeAtSalesforce } from "./salesforce.ts";
import { createSalesforceUser } from "./stack.ts";

/**
 * A new account with SFORCE001 authorized at the emulator (as a fresh emulator user unless one is
 * given); returns the unfolded row.
 */
export async function withAuthorizedConnection(
  page: Page,
  user?: { username: string; password: string },
): Promise<Locator> {
  const salesforceUser = user ?? (await createSalesforceUser());
  await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);
  const panel = await unfold(page, "SFORCE001");
  await authorizeAtSalesforce(page, salesforceUser, () =>
    panel.getByRole("button", { name: "Authorize", exact: true }).click(),
  );
  const back = page.getByTestId("connection-SFORCE001");
  await expect(back.getByRole("button", { name: "Re-authorize" })).toBeVisible();
  return back;
}

/** The Read Design progress bar of SFORCE001. */
export function progressBar(page: Page): Locator {
  return page.getByRole("progressbar", { name: "Read Design progress of SFORCE001" });
}

/** aria-valuenow and aria-valuemax of a progress bar. */
export async function progressValues(bar: Locator): Promise<{ now: number; max: number }> {
  const [now, max] = await Promise.all([
    bar.getAttribute("aria-valuenow"),
    bar.getAttribute("aria-valuemax"),
  ]);
  return { now: Number(now), max: Number(max) };
}

export const FINISHED_LINE = "Finished reading layout from SFORCE001";
