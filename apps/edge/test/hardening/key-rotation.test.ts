import {
  applyD1Migrations,
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { generateKeyRingJson, importKeyRing, open, sealedKeyId } from "@portal/core/sealing";
import { beforeAll, describe, expect, it } from "vitest";
import { resealStoredSecrets } from "../../src/connection/reseal-secrets.ts";
import { PURPOSE, sealFor } from "../../src/connection/secrets.ts";
import worker from "../../src/index.ts";

// Its own database: re-sealing touches every row, and other suites keep sealing with test-1.
const db = env.ROTATION_DB;
const OLD = env.SEALING_KEYS;

function ringWith(active: string, keys: Record<string, string>): string {
  return JSON.stringify({ active, keys });
}

const oldKeys = (JSON.parse(OLD) as { keys: Record<string, string> }).keys;
const newKey = (JSON.parse(generateKeyRingJson("rot-2")) as { keys: Record<string, string> }).keys;
const ROTATED = ringWith("rot-2", { ...oldKeys, ...newKey });

async function seed(count: number) {
  const org = crypto.randomUUID();
  const service = crypto.randomUUID();
  await db.prepare("INSERT INTO organizations (id, name) VALUES (?, 'rotation')").bind(org).run();
  await db
    .prepare("INSERT INTO services (id, organization_id, name) VALUES (?, ?, 's')")
    .bind(service, org)
    .run();
  const rows: { id: string; token: string; verifier: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const token = `refresh-${crypto.randomUUID()}`;
    const verifier = `verifier-${crypto.randomUUID()}`;
    await db
      .prepare(
        `INSERT INTO connections (id, organization_id, service_id, code, environment, login_url, status, sealed_refresh_token)
         VALUES (?, ?, ?, ?, 'production', 'https://login.salesforce.com', 'authorized', ?)`,
      )
      .bind(
        id,
        org,
        service,
        `SFORCE${i}`,
        await sealFor({ SEALING_KEYS: OLD }, id, PURPOSE.refreshToken, token),
      )
      .run();
    await db
      .prepare(
        `INSERT INTO oauth_states (state_hash, connection_id, organization_id, actor, sealed_verifier, expires_at)
         VALUES (?, ?, ?, 'a', ?, ?)`,
      )
      .bind(
        crypto.randomUUID(),
        id,
        org,
        await sealFor({ SEALING_KEYS: OLD }, id, PURPOSE.pkceVerifier, verifier),
        Date.now() + 600_000,
      )
      .run();
    rows.push({ id, token, verifier });
  }
  return rows;
}

async function stored(id: string) {
  const connection = await db
    .prepare("SELECT sealed_refresh_token AS t FROM connections WHERE id = ?")
    .bind(id)
    .first<{ t: string }>();
  const state = await db
    .prepare("SELECT sealed_verifier AS v FROM oauth_states WHERE connection_id = ?")
    .bind(id)
    .first<{ v: string }>();
  return { token: connection?.t ?? "", verifier: state?.v ?? "" };
}

beforeAll(async () => {
  await applyD1Migrations(db, env.TEST_MIGRATIONS);
});

describe("sealing-key rotation re-seals every stored secret", () => {
  it("Should re-seal every refresh token and PKCE verifier with the new active key, once", async () => {
    const rows = await seed(7);
    const report = await resealStoredSecrets(
      { DB: db, SEALING_KEYS: ROTATED },
      { batchSize: 1000 },
    );
    expect(report).toEqual({
      activeKeyId: "rot-2",
      refreshTokens: 7,
      pkceVerifiers: 7,
      unopenable: 0,
    });
    const ring = await importKeyRing(ringWith("rot-2", newKey));
    for (const row of rows) {
      const now = await stored(row.id);
      expect(sealedKeyId(now.token)).toBe("rot-2");
      expect(sealedKeyId(now.verifier)).toBe("rot-2");
      // Opens with the new key alone: the old key can be removed from the ring.
      expect(await open(ring, now.token, { owner: row.id, purpose: PURPOSE.refreshToken })).toBe(
        row.token,
      );
      expect(await open(ring, now.verifier, { owner: row.id, purpose: PURPOSE.pkceVerifier })).toBe(
        row.verifier,
      );
    }
    const again = await resealStoredSecrets({ DB: db, SEALING_KEYS: ROTATED });
    expect(again).toMatchObject({ refreshTokens: 0, pkceVerifiers: 0 });
  });

  it("Should count values no key opens and leave them untouched", async () => {
    const [row] = await seed(1);
    const withoutOld = ringWith("rot-2", newKey);
    const before = await stored(row!.id);
    const report = await resealStoredSecrets({ DB: db, SEALING_KEYS: withoutOld });
    expect(report.unopenable).toBeGreaterThanOrEqual(2);
    expect(await stored(row!.id)).toEqual(before);
  });

  it("Should run from the daily scheduled handler", async () => {
    const [row] = await seed(1);
    const third = (JSON.parse(generateKeyRingJson("rot-3")) as { keys: Record<string, string> })
      .keys;
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: "17 3 * * *" });
    const ctx = createExecutionContext();
    worker.scheduled(
      controller,
      { ...env, DB: db, SEALING_KEYS: ringWith("rot-3", { ...oldKeys, ...newKey, ...third }) },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(sealedKeyId((await stored(row!.id)).token)).toBe("rot-3");
  });
});
