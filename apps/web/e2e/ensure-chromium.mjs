// The browser suites use Debian's chromium (downloads of Playwright's own browsers are blocked).
// Installs it when missing and we are root; otherwise says how.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${path}. Install it: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.error(`Chromium not found at ${path}; installing Debian's chromium (about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
}
