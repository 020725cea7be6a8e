// Runs child processes with prefixed, line-buffered logs and stops them all together.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const COLORS = [36, 35, 33, 32, 34];
const children = new Set();

/** Starts `command args` in its own process group; its output lines get `[name]` in front. */
export function start(name, command, args, { cwd, env, color = COLORS[children.size % 5] } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = process.stdout.isTTY ? `\x1b[${color}m[${name}]\x1b[0m` : `[${name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => console.log(`${prefix} ${line}`));
  }
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  return child;
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

let stopping = false;
export function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(exitCode), 1500).unref();
  if (children.size === 0) process.exit(exitCode);
  for (const child of children)
    child.on("exit", () => children.size === 0 && process.exit(exitCode));
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));
