import { expect, test } from "@playwright/test";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./support/portal.ts";
import { authorizeAtSalesforce } from "./support/salesforce.ts";
import { createSalesforceUser } from "./support/stack.ts";

test("authorize through the emulator's login and Allow Access?", async ({ page }, testInfo) => {
  const salesforceUser = await createSalesforceUser();
  await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);
  const panel = await unfold(page, "SFORCE001");

  await authorizeAtSalesforce(page, salesforceUser, () =>
    panel.getByRole("button", { name: "Authorize", exact: true }).click(),
  );

  // Back on the connections page, the row unfolded, with the outcome.
  await expect(page).toHaveURL(/\/services\/[^/?]+$/);
  const back = page.getByTestId("connection-SFORCE001");
  await expect(page.getByRole("button", { name: "SFORCE001", exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await expect(back.getByTestId("authorize-outcome")).toContainText(
    `Authorized as ${salesforceUser.username}`,
  );
  await expect(back.getByText("authorized", { exact: true }).first()).toBeVisible();
  await expect(back.getByRole("button", { name: "Re-authorize" })).toBeVisible();
  await expect(back.getByText(salesforceUser.username).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("authorized.png"), fullPage: true });

  await back.getByRole("button", { name: "Test", exact: true }).click();
  await expect(back.getByTestId("test-result")).toContainText("The connection works");
  await expect(back.getByTestId("test-result")).toContainText(salesforceUser.username);
});
