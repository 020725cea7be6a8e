import { expect, test, type WebSocketRoute } from "@playwright/test";
import {
  FINISHED_LINE,
  progressBar,
  progressValues,
  withAuthorizedConnection,
} from "./support/flows.ts";
import { configureEmulator } from "./support/stack.ts";

test("the events socket comes back after a drop mid-run", async ({ page }) => {
  // Every events socket goes through here, so the test can cut it and refuse reconnections.
  let networkDown = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/v1\/connections\/[^/]+\/events$/, (socket) => {
    if (networkDown) {
      void socket.close({ code: 1011, reason: "network down" });
      return;
    }
    socket.connectToServer();
    open.push(socket);
  });

  const panel = await withAuthorizedConnection(page);
  const restore = await configureEmulator({ perDescribeMs: 60, latencyMs: 20, maxConcurrent: 1 });
  try {
    await panel.getByRole("button", { name: "Read Design" }).click();
    await expect.poll(async () => (await progressValues(progressBar(page))).now).toBeGreaterThan(0);

    networkDown = true;
    for (const socket of open.splice(0)) await socket.close({ code: 1011, reason: "dropped" });
    await expect(panel.getByTestId("live-status")).toContainText("reconnecting");
    const stalled = (await progressValues(progressBar(page))).now;

    networkDown = false;
    await expect(panel.getByTestId("live-status")).toHaveCount(0, { timeout: 20_000 });
    // Back on a new socket: its snapshot catches up, then the run is followed to its end.
    await expect
      .poll(async () => (await progressValues(progressBar(page))).now)
      .toBeGreaterThan(stalled);
    await expect(page.getByTestId("page-log")).toContainText(FINISHED_LINE, { timeout: 60_000 });
    const { now, max } = await progressValues(progressBar(page));
    expect(now).toBe(max);
  } finally {
    await restore();
  }
});
