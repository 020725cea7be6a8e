import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/accessibility.ts";
import {
  addEmulatorConnection,
  newAccount,
  openMyService,
  signUpFast,
  unfold,
} from "./support/portal.ts";
import { PORTAL_URL } from "./support/stack.ts";

test("a member sees the organization's connections but not the admin actions", async ({
  page,
  browser,
}, testInfo) => {
  const owner = await signUpFast(page);
  await openMyService(page);
  await addEmulatorConnection(page);
  const member = newAccount();
  const added = await page.request.post("/api/v1/members", {
    data: { ...member, role: "member" },
    headers: { origin: PORTAL_URL },
  });
  expect(added.status(), await added.text()).toBe(201);

  const context = await browser.newContext();
  const memberPage = await context.newPage();
  try {
    await memberPage.goto("/sign-in");
    await memberPage.getByLabel("Email").fill(member.email);
    await memberPage.getByLabel("Password").fill(member.password);
    await memberPage.getByRole("button", { name: "Sign in" }).click();
    await expect(memberPage.getByTestId("user-role")).toHaveText("member");
    await expect(memberPage.getByTestId("organization-name")).toHaveText(
      `${owner.name}'s organization`,
    );
    await expect(memberPage.getByRole("button", { name: "New service" })).toHaveCount(0);

    await openMyService(memberPage);
    await expect(memberPage.getByRole("button", { name: "Add connection" })).toHaveCount(0);
    await expect(memberPage.getByText("needs an admin")).toBeVisible();
    const panel = await unfold(memberPage, "SFORCE001");
    await expect(panel.getByRole("button", { name: "Authorize", exact: true })).toBeDisabled();
    await expect(panel.getByRole("button", { name: "Delete" })).toBeDisabled();
    await expect(panel.getByRole("button", { name: "Test", exact: true })).toBeEnabled();
    await expectNoSeriousA11yIssues(memberPage, testInfo, "connections-member");

    await memberPage.getByRole("link", { name: "API keys" }).click();
    await expect(memberPage.getByText("API keys are managed by admins")).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
