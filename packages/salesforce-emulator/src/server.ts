import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const VERSIONS = Array.from({ length: 62 - 31 + 1 }, (_, i) => {
  const version = `${31 + i}.0`;
  return { label: `v${version}`, url: `/services/data/v${version}`, version };
});

/** Starts the emulator on 127.0.0.1; port 0 picks a free port. */
export async function startEmulator(options: { port?: number } = {}): Promise<RunningEmulator> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/\/+$/, "");
    if (req.method === "GET" && path === "/services/data") {
      res.writeHead(200, { "content-type": "application/json;charset=UTF-8" });
      res.end(JSON.stringify(VERSIONS));
      return;
    }
    res.writeHead(404, { "content-type": "application/json;charset=UTF-8" });
    res.end(
      JSON.stringify([
        { errorCode: "NOT_FOUND", message: "The requested resource does not exist" },
      ]),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
