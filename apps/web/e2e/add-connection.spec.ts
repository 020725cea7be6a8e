import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./support/portal.ts";
import { EMULATOR_URL } from "./support/stack.ts";

test("add a My Domain connection and unfold it", async ({ page }, testInfo) => {
  await signUpFast(page);
  await openMyService(page);
  await expect(page.getByText("No connections yet")).toBeVisible();

  // The dialog refuses an address that is not a full https URL before asking the edge.
  await page.getByRole("button", { name: "Add connection" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add connection" });
  await expectNoSeriousA11yIssues(page, testInfo, "add-connection-dialog");
  await dialog.getByRole("radio", { name: /My Domain/ }).check();
  await dialog.getByLabel("My Domain URL").fill("acme.my.salesforce.com");
  await expect(dialog.getByText("Enter a full address")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Add connection" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await addEmulatorConnection(page, "SFORCE001");
  const panel = await unfold(page, "SFORCE001");
  await expect(panel.getByText("new", { exact: true }).first()).toBeVisible();
  await expect(panel.getByText("My Domain", { exact: true })).toBeVisible();
  await expect(panel.getByText(new URL(EMULATOR_URL).host).first()).toBeVisible();
  for (const name of ["Authorize", "Test", "Read Design", "Revoke"]) {
    await expect(panel.getByRole("button", { name, exact: true })).toBeVisible();
  }

  // Codes count up per service.
  await addEmulatorConnection(page, "SFORCE002");
  await expectNoSeriousA11yIssues(page, testInfo, "connections");
  await page.screenshot({ path: testInfo.outputPath("connections.png"), fullPage: true });

  // A test before authorization explains itself.
  await panel.getByRole("button", { name: "Test", exact: true }).click();
  await expect(panel.getByTestId("test-result")).toContainText("The test failed");
});
