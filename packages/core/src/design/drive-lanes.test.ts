import { describe, expect, it } from "vitest";
import type { SalesforceSender } from "../salesforce/transport.ts";
import { drive } from "./drive.ts";
import { createReadState } from "./engine/lifecycle.ts";
import { FakeSalesforce, objectNames } from "./test-support/fake-salesforce.ts";

const token = async () => "token-1";

describe("drive: lanes", () => {
  it("Should never have more than maxInFlight requests at Salesforce", async () => {
    const org = new FakeSalesforce(objectNames(200));
    let out = 0;
    let most = 0;
    const send: SalesforceSender = async (request, accessToken) => {
      out += 1;
      most = Math.max(most, out);
      await new Promise((resolve) => setTimeout(resolve, 2));
      const answer = await org.send(request, accessToken);
      out -= 1;
      return answer;
    };
    const result = await drive(createReadState({ options: { strategy: "single" } }), {
      send,
      getAccessToken: token,
      maxInFlight: 4,
    });
    expect(result.outcome).toBe("complete");
    expect(most).toBe(4);
  });

  it("Should send a lane's next request when headers arrive, before the body is read", async () => {
    const org = new FakeSalesforce(objectNames(60));
    const events: string[] = [];
    const send: SalesforceSender = async (request, accessToken, hooks) => {
      events.push(`send ${request.id}`);
      const answer = await org.send(request, accessToken);
      hooks?.onHeaders?.();
      // The body takes a while to read and parse; Salesforce is already free.
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`body ${request.id}`);
      return answer;
    };
    const result = await drive(createReadState({ options: { batchSize: 10 } }), {
      send,
      getAccessToken: token,
      maxInFlight: 1,
    });
    expect(result.outcome).toBe("complete");
    expect(result.state.read).toBe(60);
    // With one lane, r3 leaves while r2's body is still being read.
    expect(events.indexOf("send r3")).toBeLessThan(events.indexOf("body r2"));
  });

  it("Should send a lane's next request ahead with lookaheadMs, two per lane at most", async () => {
    const org = new FakeSalesforce(objectNames(120));
    let out = 0;
    let most = 0;
    const send: SalesforceSender = async (request, accessToken, hooks) => {
      out += 1;
      most = Math.max(most, out);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const answer = await org.send(request, accessToken);
      out -= 1;
      hooks?.onHeaders?.();
      return answer;
    };
    const options = { batchSize: 10, costModel: { requestMs: 30, perObjectMs: 1 } };
    const result = await drive(createReadState({ options }), {
      send,
      getAccessToken: token,
      maxInFlight: 2,
      lookaheadMs: 25,
    });
    expect(result.outcome).toBe("complete");
    expect(result.state.read).toBe(120);
    expect(most).toBeGreaterThan(2);
    expect(most).toBeLessThanOrEqual(4);
  });
});
