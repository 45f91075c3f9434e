import { useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { DataChoices, ExportPurpose, ExportRequest, Identifiers, ImportKind, ListExported } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { count, errorText } from "../lib/format";

/** What a finished export says: where it is and how it was written. */
export function exportedText(out: ListExported): string {
  const how = out.encrypted ? "암호화 압축 파일" : out.masked ? "개인정보 가림" : "";
  return `${count(out.count)}건을 저장했습니다${how ? ` (${how})` : ""}: ${out.path}`;
}

/** 내보내기: which list, in which format, why (asked every time), and
 * whether people's identifiers are masked (the default) or in full — then
 * only as an encrypted zip, under a password typed twice. */
export function ExportForm({ choices, onDone }: { choices: DataChoices; onDone: () => void }) {
  const first = (list: { value: string }[]) => list[0]?.value ?? "";
  // The purpose starts unchosen: the counselor says why every time.
  const [request, setRequest] = useState<Omit<ExportRequest, "purpose"> & { purpose: ExportPurpose | "" }>({
    kind: first(choices.kinds) as ImportKind,
    format: first(choices.export_formats),
    purpose: "",
    purpose_note: "",
    identifiers: "masked",
    password: "",
  });
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState<ListExported | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ExportRequest>(key: K, value: ExportRequest[K] | "") => setRequest({ ...request, [key]: value });
  const holdsPeople = request.kind !== "vacancies";
  const full = holdsPeople && request.identifiers === "full";

  async function submit(e: Event) {
    e.preventDefault();
    setFailure("");
    setDone(null);
    const purpose = request.purpose;
    if (purpose === "") {
      setErrors({ purpose: ["내보내는 목적을 골라 주세요."] });
      return;
    }
    if (full && request.password !== again) {
      setErrors({ password: ["두 번 입력한 암호가 다릅니다."] });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setDone(await api.exportFile({ ...request, purpose, password: full ? request.password : "" }));
      setRequest({ ...request, password: "" });
      setAgain("");
      onDone();
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      setFailure(errorText(ui));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    (errors[name] ?? []).map((m) => (
      <p class="field-error" id={`export-${name}-error`} role="alert">
        {m}
      </p>
    ));

  return (
    <form class="panel stack" aria-labelledby="export-title" id="export-form" onSubmit={submit} noValidate>
      <h3 id="export-title">내보내기</h3>
      <p class="muted">
        다운로드 폴더에 저장합니다. 내보낸 기록은 목적과 함께 감사 로그와 개인정보 접근 기록에 남습니다. 이름·연락처·생년월일은 기본으로 가려지고 메모는 빠집니다.
      </p>
      <div class="filters">
        <div class="field">
          <label for="export-kind">목록</label>
          <select id="export-kind" value={request.kind} onChange={(e) => set("kind", e.currentTarget.value as ImportKind)}>
            {choices.kinds.map((k) => (
              <option value={k.value}>{k.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="export-format">파일 형식</label>
          <select id="export-format" value={request.format} onChange={(e) => set("format", e.currentTarget.value)}>
            {choices.export_formats.map((f) => (
              <option value={f.value}>{f.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="export-purpose">내보내는 목적</label>
          <select
            id="export-purpose"
            value={request.purpose}
            aria-invalid={errors.purpose ? true : undefined}
            onChange={(e) => set("purpose", e.currentTarget.value as ExportPurpose)}
          >
            <option value="">목적을 고르세요</option>
            {choices.export_purposes.map((p) => (
              <option value={p.value}>{p.label}</option>
            ))}
          </select>
          {fieldError("purpose")}
        </div>
        <div class="field">
          <label for="export-purpose_note">목적 설명{request.purpose === "other" ? " (필수)" : ""}</label>
          <input
            id="export-purpose_note"
            value={request.purpose_note}
            aria-invalid={errors.purpose_note ? true : undefined}
            onInput={(e) => set("purpose_note", e.currentTarget.value)}
          />
          {fieldError("purpose_note")}
        </div>
      </div>
      {holdsPeople && (
        <fieldset class="choice-row">
          <legend>개인정보</legend>
          {(
            [
              ["masked", "가려서 내보내기 (김*수, 010-****-5678)"],
              ["full", "가리지 않고 암호화 압축 파일로"],
            ] as [Identifiers, string][]
          ).map(([value, label]) => (
            <label class="check">
              <input
                type="radio"
                name="export-identifiers"
                id={`export-${value}`}
                checked={request.identifiers === value}
                onChange={() => set("identifiers", value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {full && (
        <div class="filters">
          <div class="field">
            <label for="export-password">압축 파일 암호 ({choices.min_package_password_chars}자 이상)</label>
            <input
              id="export-password"
              type="password"
              autoComplete="new-password"
              value={request.password}
              aria-invalid={errors.password ? true : undefined}
              onInput={(e) => set("password", e.currentTarget.value)}
            />
            {fieldError("password")}
          </div>
          <div class="field">
            <label for="export-password2">암호 확인</label>
            <input id="export-password2" type="password" autoComplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
          </div>
        </div>
      )}
      <div class="row-actions">
        <button type="submit" class="btn" id="export-run" disabled={busy}>
          {busy ? "내보내는 중…" : "내보내기"}
        </button>
      </div>
      {failure && (
        <p class="error" role="alert" id="export-failure">
          {failure}
        </p>
      )}
      {done && (
        <p class="hint" role="status" id="export-outcome">
          {exportedText(done)}
        </p>
      )}
    </form>
  );
}
