import { expect, test } from "@playwright/test";

test("the Worker serves the built SPA, with the index for deep links", async ({
  page,
  request,
}, testInfo) => {
  const deepLink = await request.get("/services/some-service");
  expect(deepLink.status()).toBe(200);
  expect(await deepLink.text()).toContain("<!doctype html>");

  // Signed out, every portal page leads to the sign-in form.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/api-keys");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fapi-keys$/);
  await page.screenshot({ path: testInfo.outputPath("spa.png"), fullPage: true });
});
