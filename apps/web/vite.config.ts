import { sveltekit } from "@sveltejs/kit/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vitest/config";

const edge = `http://127.0.0.1:${process.env.EDGE_PORT ?? 8787}`;
const webPort = Number(process.env.WEB_PORT ?? 5173);

export default defineConfig({
  plugins: [tailwindcss(), sveltekit()],
  server: {
    host: "127.0.0.1",
    port: webPort,
    strictPort: true,
    // The edge sees the portal's own Host, so cookies and the OAuth redirect stay on this origin.
    proxy: {
      "/api": { target: edge, ws: true },
      "/oauth": { target: edge },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
