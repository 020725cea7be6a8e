import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import { signUpFast } from "./support/portal.ts";

test("create an API key (shown once), list it, delete it; the activity page records both", async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUpFast(page);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByText("No API keys")).toBeVisible();
  await expectNoSeriousA11yIssues(page, testInfo, "api-keys-empty");

  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Sync engine");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const keyField = dialog.getByLabel("API key");
  await expect(keyField).toBeVisible();
  const key = await keyField.inputValue();
  expect(key.length).toBeGreaterThan(20);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectNoSeriousA11yIssues(page, testInfo, "api-key-created");
  await dialog.getByRole("button", { name: "Done" }).click();

  // Listed by name and prefix; the key itself is never shown again.
  const row = page.getByRole("row", { name: /Sync engine/ });
  await expect(row).toBeVisible();
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("api-keys.png"), fullPage: true });

  await row.getByRole("button", { name: /Delete/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete key" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText("No API keys")).toBeVisible();

  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("key");
  await expectNoSeriousA11yIssues(page, testInfo, "activity");
  await page.screenshot({ path: testInfo.outputPath("activity.png"), fullPage: true });
});
