import { cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DeskInfo } from "../bindings";

vi.mock("../api", () => ({ api: {} }));

const { Unlock } = await import("./Unlock");

afterEach(cleanup);

describe("Unlock", () => {
  it("states the passphrase minimum the desk enforces", () => {
    const info: DeskInfo = {
      demo: false,
      demo_passphrase: null,
      caseload_exists: false,
      caseload_path: "/tmp/caseload.doyak",
      min_passphrase_chars: 12,
    };
    const view = render(<Unlock info={info} onUnlocked={() => undefined} />);
    expect(view.container.querySelector("label[for=c-passphrase]")?.textContent).toBe("암호 (12자 이상)");
  });
});
