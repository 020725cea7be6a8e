import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import { FINISHED_LINE, withAuthorizedConnection } from "./support/flows.ts";

test("browse the design: search and filter objects, read an object's fields, see what changed", async ({
  page,
}, testInfo) => {
  const panel = await withAuthorizedConnection(page);
  await panel.getByRole("button", { name: "Read Design" }).click();
  await expect(page.getByTestId("page-log")).toContainText(FINISHED_LINE, { timeout: 60_000 });

  await panel.getByRole("link", { name: "Browse design" }).click();
  await expect(page.getByRole("heading", { name: "Design of SFORCE001", level: 1 })).toBeVisible();
  const count = page.getByTestId("objects-count");
  await expect(count).toHaveText(/Showing ([\d,]+) of \1 objects/);
  const total = Number((await count.textContent())?.match(/of ([\d,]+)/)?.[1]?.replace(/,/g, ""));
  expect(total).toBeGreaterThan(50);
  await expectNoSeriousA11yIssues(page, testInfo, "objects");

  // Custom objects only, then a search by name.
  await page.getByRole("radio", { name: /^Custom [\d,]+$/ }).check();
  await expect(
    page.getByRole("region", { name: "Objects" }).getByText("custom").first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Objects" }).getByText("standard")).toHaveCount(0);
  await page.getByRole("radio", { name: /^All [\d,]+$/ }).check();
  await page.getByLabel("Search objects").fill("account");
  const totalText = total.toLocaleString("en-US");
  await expect(count).not.toHaveText(`Showing ${totalText} of ${totalText} objects`);
  const accountLink = page.getByRole("link", { name: "Account", exact: true });
  await expect(accountLink).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("objects.png"), fullPage: true });

  await accountLink.click();
  await expect(page.getByRole("heading", { name: /Account/, level: 2 })).toBeVisible();
  const fields = page.getByRole("region", { name: "Fields of Account" });
  const nameRow = fields
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "Name", exact: true }) });
  await expect(nameRow).toContainText("string(255)");
  await expect(nameRow).toContainText("required");
  await expectNoSeriousA11yIssues(page, testInfo, "fields");

  // A reference lists its targets; a picklist shows its values on demand.
  await page.getByLabel("Show").selectOption("reference");
  await expect(fields.getByRole("link", { name: "User" }).first()).toBeVisible();
  await page.getByLabel("Show").selectOption("picklist");
  await fields
    .getByRole("button", { name: /values of/ })
    .first()
    .click();
  const values = page.getByRole("dialog");
  await expect(values.getByRole("heading", { name: /^Values of / })).toBeVisible();
  await expect(values.getByRole("row")).not.toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("fields.png"), fullPage: true });
  await page.keyboard.press("Escape");
  await expect(values).toBeHidden();

  await page.getByRole("link", { name: "What changed" }).click();
  await expect(page.getByText("The first read")).toBeVisible();
  await expect(page.getByText("Objects added")).toBeVisible();
  await expectNoSeriousA11yIssues(page, testInfo, "changes");
});
