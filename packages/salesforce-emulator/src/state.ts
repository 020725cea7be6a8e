import type { EmulatorConfig } from "./config.ts";
import { ApiUsage, RequestCounter } from "./counters.ts";
import { AttemptCounter } from "./faults.ts";
import { ConcurrencyGate } from "./latency.ts";
import { CodeStore } from "./oauth/codes.ts";
import { SessionStore } from "./oauth/sessions.ts";
import { TokenStore } from "./oauth/tokens-store.ts";
import { UserStore } from "./oauth/users.ts";
import type { OrgStore } from "./org/org-store.ts";

/** Everything the emulator remembers; all in memory, so a restart is a reset. */
export class EmulatorState {
  config: EmulatorConfig;
  baseUrl = "";
  /** Per port, since the portal shares the host name 127.0.0.1 in local development. */
  cookieName = "sfemu_sid";
  readonly users = new UserStore();
  readonly sessions = new SessionStore();
  readonly codes = new CodeStore();
  readonly tokens = new TokenStore();
  readonly usage = new ApiUsage();
  readonly requests = new RequestCounter();
  readonly attempts = new AttemptCounter();
  readonly gate: ConcurrencyGate;

  constructor(
    readonly org: OrgStore,
    private readonly startConfig: EmulatorConfig,
    readonly now: () => number = Date.now,
  ) {
    this.config = { ...startConfig };
    this.gate = new ConcurrencyGate(startConfig.maxConcurrent);
  }

  /** Applies a validated config patch at once. */
  updateConfig(patch: Partial<EmulatorConfig>): void {
    this.config = { ...this.config, ...patch };
    this.gate.setLimit(this.config.maxConcurrent);
  }

  /** Access-token idle timeout in milliseconds. */
  get sessionTimeoutMs(): number {
    return this.config.sessionTimeoutSeconds * 1000;
  }

  /** Back to the start state: org as started, start config, counters zero, no tokens or logins. */
  reset(): void {
    this.org.reset();
    this.updateConfig(this.startConfig);
    this.users.reset();
    this.sessions.reset();
    this.codes.reset();
    this.tokens.reset();
    this.usage.used = 0;
    this.requests.reset();
    this.attempts.clear();
  }
}
