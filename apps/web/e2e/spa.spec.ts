import { expect, test } from "@playwright/test";

test("the Worker serves the built SPA, with the index for deep links", async ({
  page,
  request,
}, testInfo) => {
  const deepLink = await request.get("/services/some-service");
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toContain("<!doctype html>");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Connection Portal" })).toBeVisible();
  await expect(page.getByTestId("health")).not.toHaveText("checking…");
  await page.screenshot({ path: testInfo.outputPath("spa.png"), fullPage: true });
});
