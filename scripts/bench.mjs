// `pnpm bench`: every package's `bench` script, one JSON object per line on stdout.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { ROOT } from "./lib/local-env.mjs";
import { run } from "./lib/processes.mjs";

const only = process.argv[2];
for (const group of ["packages", "apps"]) {
  for (const name of readdirSync(`${ROOT}${group}`)) {
    const manifest = `${ROOT}${group}/${name}/package.json`;
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    if (!pkg.scripts?.bench || (only && !pkg.name.includes(only))) continue;
    console.error(`# bench ${pkg.name}`);
    await run("pnpm", ["--silent", "run", "bench"], { cwd: `${ROOT}${group}/${name}` });
  }
}
