import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import { addEmulatorConnection, openMyService, signUpFast, unfold } from "./support/portal.ts";

test.use({ viewport: { width: 375, height: 800 } });

/** The page itself never scrolls sideways; wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("on a phone-sized screen every page fits its width", async ({ page }, testInfo) => {
  await signUpFast(page);
  await expectNoSidewaysScroll(page);
  await expect(page.getByRole("link", { name: "API keys" })).toBeVisible();

  await openMyService(page);
  await addEmulatorConnection(page);
  const panel = await unfold(page, "SFORCE001");
  await expect(panel.getByRole("button", { name: "Authorize", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yIssues(page, testInfo, "connections-narrow");
  await page.screenshot({ path: testInfo.outputPath("connections-narrow.png"), fullPage: true });

  for (const path of ["/api-keys", "/activity"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await page.screenshot({ path: testInfo.outputPath("activity-narrow.png"), fullPage: true });
});
