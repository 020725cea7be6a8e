import { expect, test } from "@playwright/test";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./support/portal.ts";
import { authorizeAtSalesforce } from "./support/salesforce.ts";
import { createSalesforceUser, revokeAllAtSalesforce } from "./support/stack.ts";

test("tokens revoked at Salesforce: Test shows needs re-authorization, Re-authorize fixes it", async ({
  page,
}, testInfo) => {
  const salesforceUser = await createSalesforceUser();
  await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);
  let panel = await unfold(page, "SFORCE001");
  await authorizeAtSalesforce(page, salesforceUser, () =>
    panel.getByRole("button", { name: "Authorize", exact: true }).click(),
  );
  panel = page.getByTestId("connection-SFORCE001");
  await expect(panel.getByRole("button", { name: "Re-authorize" })).toBeVisible();

  await revokeAllAtSalesforce();
  await panel.getByRole("button", { name: "Test", exact: true }).click();
  await expect(panel.getByTestId("test-result")).toContainText("The test failed");
  await expect(panel.getByText("needs re-authorization").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("needs-reauth.png"), fullPage: true });

  // Still logged in at Salesforce and approved: straight back, without a page in between.
  await authorizeAtSalesforce(page, salesforceUser, () =>
    panel.getByRole("button", { name: "Re-authorize" }).click(),
  );
  panel = page.getByTestId("connection-SFORCE001");
  await expect(panel.getByTestId("authorize-outcome")).toContainText(
    `Authorized as ${salesforceUser.username}`,
  );
  await expect(panel.getByText("authorized", { exact: true }).first()).toBeVisible();
  await panel.getByRole("button", { name: "Test", exact: true }).click();
  await expect(panel.getByTestId("test-result")).toContainText("The connection works");
});
