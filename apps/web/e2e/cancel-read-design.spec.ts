import { expect, test } from "@playwright/test";
import { progressBar, progressValues, withAuthorizedConnection } from "./support/flows.ts";
import { configureEmulator } from "./support/stack.ts";

test("cancel a running Read Design", async ({ page }, testInfo) => {
  const panel = await withAuthorizedConnection(page);
  const restore = await configureEmulator({ perDescribeMs: 60, latencyMs: 20, maxConcurrent: 1 });
  try {
    await panel.getByRole("button", { name: "Read Design" }).click();
    await expect.poll(async () => (await progressValues(progressBar(page))).now).toBeGreaterThan(0);
    await panel.getByRole("button", { name: "Cancel" }).click();
    await expect(panel.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByTestId("page-log")).toContainText("Read Design cancelled");
    await expect(panel.getByRole("button", { name: "Cancel" })).toHaveCount(0);
    // A new run can start right away.
    await expect(panel.getByRole("button", { name: "Read Design" })).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath("cancelled.png"), fullPage: true });
  } finally {
    await restore();
  }
});
