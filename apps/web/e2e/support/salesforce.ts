import { expect, type Page } from "@playwright/test";

/**
 * Presses Authorize (or Re-authorize) with `press`, then goes through whatever Salesforce (the
 * emulator) shows: the login form when not logged in, "Allow Access?" on a user's first approval,
 * or nothing at all (straight back). Resolves once the browser is back on the portal's callback page.
 */
export async function authorizeAtSalesforce(
  page: Page,
  user: { username: string; password: string },
  press: () => Promise<void>,
  answer: "Allow" | "Deny" = "Allow",
): Promise<void> {
  let back = false;
  const returned = page.waitForURL(/[?&]authorize=/, { timeout: 45_000 }).then(() => (back = true));
  await press();

  const logIn = page.getByRole("button", { name: "Log In" });
  const allowPage = page.getByRole("heading", { name: "Allow Access?" });
  let loggedIn = false;
  let answered = false;
  await expect
    .poll(
      async () => {
        if (back) return true;
        if (!loggedIn && (await logIn.isVisible())) {
          loggedIn = true;
          await page.getByLabel("Username").fill(user.username);
          await page.getByLabel("Password").fill(user.password);
          await logIn.click();
        } else if (!answered && (await allowPage.isVisible())) {
          answered = true;
          await page.getByRole("button", { name: answer, exact: true }).click();
        }
        return back;
      },
      { timeout: 45_000, intervals: [100, 250, 500] },
    )
    .toBe(true);
  await returned;
  if (answer === "Deny") expect(answered, "Deny needs the Allow Access? page").toBe(true);
}
