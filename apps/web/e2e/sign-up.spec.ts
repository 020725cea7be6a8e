import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import { newAccount } from "./support/portal.ts";

test("sign up, see the organization and role, sign out and sign in again", async ({
  page,
}, testInfo) => {
  const account = newAccount();

  await page.goto("/sign-up");
  await expectNoSeriousA11yIssues(page, testInfo, "sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();

  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("heading", { name: "Select your service" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My Service" })).toBeVisible();
  await expect(page.getByTestId("organization-name")).toHaveText(`${account.name}'s organization`);
  await expect(page.getByTestId("user-role")).toHaveText("owner");
  await expectNoSeriousA11yIssues(page, testInfo, "services");
  await page.screenshot({ path: testInfo.outputPath("signed-up.png"), fullPage: true });

  // The same email cannot sign up twice.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("alert")).toContainText("already exists");

  // A wrong password is refused; the right one gets in.
  await page.goto("/sign-in");
  await expectNoSeriousA11yIssues(page, testInfo, "sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Select your service" })).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("owner");
});
