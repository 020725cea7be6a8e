import { expect, test } from "@playwright/test";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./support/portal.ts";
import { authorizeAtSalesforce } from "./support/salesforce.ts";
import { createSalesforceUser } from "./support/stack.ts";

test("deny at Salesforce: the page says access was denied and nothing changed", async ({
  page,
}, testInfo) => {
  const salesforceUser = await createSalesforceUser();
  await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);
  const panel = await unfold(page, "SFORCE001");

  await authorizeAtSalesforce(
    page,
    salesforceUser,
    () => panel.getByRole("button", { name: "Authorize", exact: true }).click(),
    "Deny",
  );

  const back = page.getByTestId("connection-SFORCE001");
  await expect(back.getByTestId("authorize-outcome")).toContainText(
    "Access was denied at Salesforce",
  );
  await expect(back.getByText("new", { exact: true }).first()).toBeVisible();
  await expect(back.getByRole("button", { name: "Authorize", exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("denied.png"), fullPage: true });

  // The outcome belongs to that visit: a reload does not repeat it.
  await page.reload();
  await expect(page.getByTestId("authorize-outcome")).toHaveCount(0);
});
