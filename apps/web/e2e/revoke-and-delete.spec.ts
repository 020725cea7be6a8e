import { expect, test } from "@playwright/test";
import { withAuthorizedConnection } from "./support/flows.ts";
import { addEmulatorConnection, connectionTrigger } from "./support/portal.ts";

test("revoke a connection, then delete it; its code is not reused", async ({ page }, testInfo) => {
  const panel = await withAuthorizedConnection(page);

  await panel.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke SFORCE001?" });
  await confirm.getByRole("button", { name: "Revoke access" }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByText("revoked", { exact: true }).first()).toBeVisible();
  await expect(panel.getByRole("button", { name: "Revoke" })).toBeDisabled();
  await expect(panel.getByRole("button", { name: "Read Design" })).toBeDisabled();
  await expect(panel.getByRole("button", { name: "Re-authorize" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("revoked.png"), fullPage: true });

  await panel.getByRole("button", { name: "Delete" }).click();
  await page
    .getByRole("alertdialog", { name: "Delete SFORCE001?" })
    .getByRole("button", { name: "Delete connection" })
    .click();
  await expect(connectionTrigger(page, "SFORCE001")).toHaveCount(0);
  await expect(page.getByText("No connections yet")).toBeVisible();

  await addEmulatorConnection(page, "SFORCE002");
  await page.reload();
  await expect(connectionTrigger(page, "SFORCE002")).toBeVisible();
  await expect(connectionTrigger(page, "SFORCE001")).toHaveCount(0);
});
