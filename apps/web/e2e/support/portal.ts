import { expect, type Locator, type Page } from "@playwright/test";
import { EMULATOR_URL, PORTAL_URL, unique } from "./stack.ts";

export type Account = { name: string; email: string; password: string };

/** A fresh account's details. */
export function newAccount(): Account {
  return {
    name: "E2E Person",
    email: `${unique("person")}@example.com`,
    password: "e2e-password-1",
  };
}

/**
 * Signs up over the API with the page's cookie jar (faster than the form, which its own suite
 * covers), then opens the services page.
 */
export async function signUpFast(page: Page, account: Account = newAccount()): Promise<Account> {
  const res = await page.request.post("/api/v1/auth/sign-up/email", {
    data: account,
    headers: { origin: PORTAL_URL },
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto("/services");
  await expect(page.getByRole("heading", { name: "Select your service" })).toBeVisible();
  return account;
}

/** Opens the first service ("My Service" for a new account). */
export async function openMyService(page: Page): Promise<void> {
  await page.getByRole("link", { name: "My Service" }).click();
  await expect(page.getByRole("heading", { name: "My Service", level: 1 })).toBeVisible();
}

/** Adds a My Domain connection pointing at the emulator and returns its row's trigger. */
export async function addEmulatorConnection(page: Page, code = "SFORCE001"): Promise<Locator> {
  await page.getByRole("button", { name: "Add connection" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add connection" });
  await dialog.getByRole("radio", { name: /My Domain/ }).check();
  await dialog.getByLabel("My Domain URL").fill(EMULATOR_URL);
  await dialog.getByRole("button", { name: "Add connection" }).click();
  await expect(dialog).toBeHidden();
  const trigger = connectionTrigger(page, code);
  await expect(trigger).toBeVisible();
  return trigger;
}

/** The row trigger of a connection, labelled by its code. */
export function connectionTrigger(page: Page, code: string): Locator {
  return page.getByRole("button", { name: code, exact: true });
}

/** The unfolded body of a connection's row. */
export function connectionPanel(page: Page, code: string): Locator {
  return page.getByTestId(`connection-${code}`);
}

/** Unfolds a connection's row (no-op when it already is). */
export async function unfold(page: Page, code: string): Promise<Locator> {
  const trigger = connectionTrigger(page, code);
  if ((await trigger.getAttribute("aria-expanded")) !== "true") await trigger.click();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  return connectionPanel(page, code);
}
