// "The page never computes a rule the domain owns … it asks a command"
// (ARCHITECTURE.md). This fails when the page's own code spells out again
// one of the rules that reach it as data: the 알선 steps (each row's
// next_statuses), import kinds and export formats (data_choices), the
// passphrase minimum (DeskInfo), the typing of a merged conflict value
// (the desk reads the text as typed).
import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>(["./**/*.ts", "./**/*.tsx", "!./**/*.test.ts", "!./**/*.test.tsx", "!./bindings.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/["'`](submitted|interview|hired|rejected|withdrawn)["'`]/, "an 알선 status value: offer the row's next_statuses"],
  [/["'`](서류 제출|면접|합격|불합격)["'`]/, "an 알선 status label: the desk sends status_label and next_statuses"],
  [/\d+\s*자\s*이상/, "the passphrase minimum: DeskInfo.min_passphrase_chars"],
  [/["'`](구직자|기업|구인공고)["'`]\s*\]/, "an import kind label table: data_choices().kinds"],
  [/["'`](xlsx|csv|jsonl)["'`]\s*,\s*["'`](xlsx|csv|jsonl)["'`]/, "an export format list: data_choices().export_formats"],
  [/비어 있음/, "the desk's text for an empty value: ConflictView.merge_text"],
  [/JSON\.parse|JSON\.stringify/, "typing a field value: send the text, the desk reads it (field_text)"],
];

function findings(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    text.split("\n").forEach((line, i) => {
      for (const [pattern, why] of FORBIDDEN) {
        if (pattern.test(line)) out.push(`${file}:${i + 1}: ${why}\n    ${line.trim()}`);
      }
    });
  }
  return out;
}

describe("domain rules stay in the domain", () => {
  it("reads the page's sources", () => {
    expect(Object.keys(sources)).toContain("./screens/DataScreen.tsx");
    expect(Object.keys(sources)).toContain("./components/Matching.tsx");
  });

  it("finds none of them spelled out in the page", () => {
    expect(findings(sources)).toEqual([]);
  });

  it("would catch the copies that used to be here", () => {
    const old = {
      "pipeline.ts": 'export const FINAL = ["hired", "rejected", "withdrawn"] as const;',
      "DataScreen.tsx": '  ["vacancies", "구인공고"],\n(["xlsx", "csv", "jsonl"] as const)',
      "Unlock.tsx": "<label>암호 (8자 이상)</label>",
      "format.ts": "shape = JSON.parse(like);",
      "SyncScreen.tsx": 'c.applied.value === "(비어 있음)"',
    };
    expect(findings(old)).toHaveLength(6);
  });
});
