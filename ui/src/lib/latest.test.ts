import { describe, expect, it } from "vitest";
import { latestOnly } from "./latest";

describe("latestOnly", () => {
  it("drops an answer that arrives after a newer request was sent", async () => {
    const resolvers: Array<(v: string) => void> = [];
    const search = latestOnly((q: string) => new Promise<string>((r) => resolvers.push(() => r(q))));
    const first = search("ㄱ");
    const second = search("ㄱㅁ");
    resolvers[1]?.("");
    resolvers[0]?.("");
    expect(await second).toEqual({ stale: false, value: "ㄱㅁ" });
    expect(await first).toEqual({ stale: true });
  });

  it("passes errors through so the screen can show them", async () => {
    const failing = latestOnly(async () => {
      throw new Error("잠김");
    });
    await expect(failing()).rejects.toThrow("잠김");
  });
});
