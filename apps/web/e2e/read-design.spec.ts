import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import {
  FINISHED_LINE,
  progressBar,
  progressValues,
  withAuthorizedConnection,
} from "./support/flows.ts";
import { SALESFORCE_ADMIN, configureEmulator } from "./support/stack.ts";

test("Read Design: the progress bar moves live and the finished line ends the page", async ({
  page,
}, testInfo) => {
  // The emulator's documented admin, so this page reads like the README's walkthrough.
  const panel = await withAuthorizedConnection(page, SALESFORCE_ADMIN);
  // Slow describes down so the run is watchable.
  const restore = await configureEmulator({ perDescribeMs: 40, latencyMs: 20 });
  try {
    await panel.getByRole("button", { name: "Read Design" }).click();
    const bar = progressBar(page);
    await expect(bar).toBeVisible();

    // Values seen while the socket pushes progress: some between the start and the end.
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const { now, max } = await progressValues(bar);
          seen.add(now);
          return max > 0 && now === max;
        },
        { timeout: 60_000, intervals: [100] },
      )
      .toBe(true);
    const { max } = await progressValues(bar);
    expect(
      [...seen].some((value) => value > 0 && value < max),
      `seen: ${[...seen]}`,
    ).toBe(true);
  } finally {
    await restore();
  }

  // At 100 % the bar stays, the run reads Finished, and the log line closes the page.
  await expect(panel.getByText("Finished", { exact: true })).toBeVisible();
  const { now, max } = await progressValues(progressBar(page));
  expect(now).toBe(max);
  const log = page.getByTestId("page-log");
  await expect(log).toContainText(FINISHED_LINE);
  const logBox = await log.boundingBox();
  const barBox = await progressBar(page).boundingBox();
  expect(logBox && barBox && logBox.y > barBox.y).toBe(true);
  await expect(panel.getByRole("link", { name: "Browse design" })).toBeVisible();
  await expectNoSeriousA11yIssues(page, testInfo, "connections-after-read");
  await page.screenshot({ path: testInfo.outputPath("read-design-finished.png"), fullPage: true });

  // Nothing changed at Salesforce: an incremental read finishes at once with the same line again.
  await panel.getByRole("button", { name: "Read changes only" }).click();
  await expect(log.getByText(FINISHED_LINE)).toHaveCount(2, { timeout: 30_000 });
  await expect(panel.getByText("Finished", { exact: true })).toBeVisible();
});
