import { defineConfig } from "drizzle-kit";

// drizzle-kit writes SQL into the folder wrangler applies (`migrations_dir`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
