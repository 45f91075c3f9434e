import { describe, expect, it } from "vitest";
import { serial } from "./serial";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("serial", () => {
  it("starts a task only after the one before it settled, so a slow older save cannot land last", async () => {
    const queue = serial();
    const log: string[] = [];
    const slow = deferred<void>();
    const older = queue(async () => {
      log.push("older start");
      await slow.promise;
      log.push("older end");
    });
    const newer = queue(async () => {
      log.push("newer start");
    });
    // Let microtasks run: the newer task must still wait for the older one.
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(["older start"]);
    slow.resolve();
    await Promise.all([older, newer]);
    expect(log).toEqual(["older start", "older end", "newer start"]);
  });

  it("a failed task reports its own error and the next task still runs", async () => {
    const queue = serial();
    const failing = queue(async () => {
      throw new Error("디스크 오류");
    });
    const next = queue(async () => 7);
    await expect(failing).rejects.toThrow("디스크 오류");
    await expect(next).resolves.toBe(7);
  });

  it("a read queued after a save sees the saved value", async () => {
    const queue = serial();
    let stored = "";
    const landed = deferred<void>();
    void queue(async () => {
      await landed.promise;
      stored = "다음 주 면접";
    });
    const read = queue(async () => stored);
    landed.resolve();
    await expect(read).resolves.toBe("다음 주 면접");
  });
});
