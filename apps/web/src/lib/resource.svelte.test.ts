import { describe, expect, it } from "vitest";
import { Resource } from "./resource.svelte.ts";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("Resource", () => {
  it("Should start loading and then hold the data", async () => {
    const resource = new Resource(async () => [1, 2, 3]);
    expect(resource.loading).toBe(true);
    await resource.reload();
    expect(resource.loading).toBe(false);
    expect(resource.data).toEqual([1, 2, 3]);
    expect(resource.error).toBeNull();
  });

  it("Should hold the error of a failed load and clear it on the next", async () => {
    let fail = true;
    const resource = new Resource(async () => {
      if (fail) throw new Error("down");
      return "ok";
    });
    await resource.reload();
    expect((resource.error as Error).message).toBe("down");
    fail = false;
    await resource.reload();
    expect(resource.error).toBeNull();
    expect(resource.data).toBe("ok");
  });

  it("Should drop an answer that arrives after a newer reload", async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const resource = new Resource(() => answers[call++]!.promise);
    const first = resource.reload();
    const second = resource.reload();
    answers[1]!.resolve("new");
    await second;
    answers[0]!.resolve("old");
    await first;
    expect(resource.data).toBe("new");
    expect(resource.loading).toBe(false);
  });

  it("Should let the page replace the data", async () => {
    const resource = new Resource(async () => ["a"]);
    await resource.reload();
    resource.set(["a", "b"]);
    expect(resource.data).toEqual(["a", "b"]);
  });
});
