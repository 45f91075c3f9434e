import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DataChoices } from "../bindings";

// Not the desk's real lists: the screen must show whatever it is given.
const choices: DataChoices = {
  kinds: [
    { value: "vacancies", label: "구인 (테스트)" },
    { value: "seekers", label: "참여자 (테스트)" },
  ],
  export_formats: [{ value: "csv", label: "씨에스브이" }],
  import_extensions: ["csv"],
  max_import_mb: 7,
};
vi.mock("../api", () => ({ api: { dataChoices: () => Promise.resolve(choices) } }));

const { DataScreen } = await import("./DataScreen");

afterEach(cleanup);

describe("DataScreen", () => {
  it("lists the kinds and export formats the desk sends, and no others", async () => {
    const view = render(<DataScreen onChanged={() => undefined} />);
    await waitFor(() => expect(view.container.querySelectorAll("#import-kind option").length).toBe(2));
    const options = Array.from(view.container.querySelectorAll("#import-kind option")).map((o) => o.textContent);
    expect(options).toEqual(["구인 (테스트)", "참여자 (테스트)"]);
    const exports = Array.from(view.container.querySelectorAll("button[id^=export-]")).map((b) => [b.id, b.textContent]);
    expect(exports).toEqual([
      ["export-vacancies-csv", "구인 (테스트) 씨에스브이"],
      ["export-seekers-csv", "참여자 (테스트) 씨에스브이"],
    ]);
  });
});
