import { expect, test } from "@playwright/test";
import {
  FINISHED_LINE,
  progressBar,
  progressValues,
  withAuthorizedConnection,
} from "./support/flows.ts";
import { unfold } from "./support/portal.ts";
import { configureEmulator } from "./support/stack.ts";

test("reload during Read Design: the page picks the run up where it is and sees it finish", async ({
  page,
}, testInfo) => {
  const panel = await withAuthorizedConnection(page);
  const restore = await configureEmulator({ perDescribeMs: 60, latencyMs: 20, maxConcurrent: 1 });
  try {
    await panel.getByRole("button", { name: "Read Design" }).click();
    const bar = progressBar(page);
    await expect
      .poll(async () => {
        const { now, max } = await progressValues(bar);
        return now > 0 && now < max;
      })
      .toBe(true);
    const before = (await progressValues(bar)).now;

    await page.reload();
    const reloaded = await unfold(page, "SFORCE001");
    // The snapshot restores the run: never behind what was shown before the reload.
    await expect(progressBar(page)).toBeVisible();
    expect((await progressValues(progressBar(page))).now).toBeGreaterThanOrEqual(before);
    await expect(reloaded.getByRole("button", { name: "Cancel" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("after-reload.png"), fullPage: true });

    await expect(page.getByTestId("page-log")).toContainText(FINISHED_LINE, { timeout: 60_000 });
    const { now, max } = await progressValues(progressBar(page));
    expect(now).toBe(max);
  } finally {
    await restore();
  }

  // A reload after the end still shows the last run and its line.
  await page.reload();
  await unfold(page, "SFORCE001");
  await expect(progressBar(page)).toBeVisible();
  await expect(page.getByTestId("page-log")).toContainText(FINISHED_LINE);
});
