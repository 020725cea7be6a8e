import { expect, test } from "@playwright/test";
import {
  addEmulatorConnection,
  connectionTrigger,
  openMyService,
  signUpFast,
} from "./support/portal.ts";

test("the connections page works from the keyboard alone", async ({ page }) => {
  await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);

  // A new row comes unfolded; Enter and Space on its focused trigger fold and unfold it.
  const trigger = connectionTrigger(page, "SFORCE001");
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await trigger.focus();
  await expect(trigger).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Space");
  await expect(trigger).toHaveAttribute("aria-expanded", "true");

  // Tab reaches the row's actions in order.
  const panel = page.getByTestId("connection-SFORCE001");
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Authorize", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Test", exact: true })).toBeFocused();

  // Dialogs take focus, Escape closes them and gives focus back.
  const add = page.getByRole("button", { name: "Add connection" }).first();
  await add.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add connection" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();

  // A confirmation starts on Cancel, so Enter never deletes by accident.
  await panel.getByRole("button", { name: "Delete" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(trigger).toBeVisible();
});
