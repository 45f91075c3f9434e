import { useRef, useState } from "preact/hooks";
import { useDialog } from "../lib/dialog";
import { api, type UiError } from "../api";
import type { DeskCounselor } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";

interface Props {
  current: DeskCounselor;
  onChanged: (next: DeskCounselor) => void;
  onClose: () => void;
  /** The commands; the desk's by default (tests pass their own). */
  choose?: (id: string) => Promise<DeskCounselor>;
  add?: (name: string) => Promise<DeskCounselor>;
}

/** 이 데스크의 상담사: who works here. What the desk writes from now on names
 * them as its author. One of the center's counselors is picked, or a new one
 * added (the name then reaches the center's other desks with the next sync). */
export function CounselorDialog({
  current,
  onChanged,
  onClose,
  choose = api.chooseCounselor,
  add = (name) => api.addCounselor({ name }),
}: Props) {
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLElement>(null);

  useDialog(first, onClose);

  async function run(action: () => Promise<DeskCounselor>) {
    if (busy) return;
    setBusy(true);
    setFailure("");
    try {
      onChanged(await action());
      onClose();
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      setFailure(ui.fields.length > 0 ? "" : ui.message);
    } finally {
      setBusy(false);
    }
  }

  const chosen = current.current?.id;
  return (
    <div class="overlay">
      <section class="card dialog" role="dialog" aria-modal="true" aria-labelledby="counselor-title">
        <h2 id="counselor-title">이 데스크의 상담사</h2>
        <p class="muted small">
          여기서 쓰는 상담 기록·취업 등록·알선 단계에 작성자로 남습니다. 다른 상담사가 이 컴퓨터를 쓰면 바꾸세요.
        </p>
        {current.choices.length > 0 && (
          <ul class="counselor-choices" aria-label="센터 상담사">
            {current.choices.map((c, i) => (
              <li key={c.id}>
                <button
                  id={`counselor-${c.id}`}
                  type="button"
                  class={c.id === chosen ? "btn primary" : "btn"}
                  aria-pressed={c.id === chosen}
                  ref={i === 0 ? (first as never) : undefined}
                  disabled={busy}
                  onClick={() => run(() => choose(c.id))}
                >
                  {c.name} <span class="muted small">{c.role}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          id="counselor-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run(() => add(name));
          }}
        >
          <label for="counselor-name">{current.choices.length > 0 ? "목록에 없으면 새 상담사 이름" : "상담사 이름"}</label>
          <input
            id="counselor-name"
            ref={current.choices.length === 0 ? (first as never) : undefined}
            value={name}
            maxLength={60}
            autocomplete="name"
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "counselor-name-error" : undefined}
          />
          {(errors.name ?? []).map((m) => (
            <p class="field-error" id="counselor-name-error" role="alert">
              {m}
            </p>
          ))}
          <div class="actions">
            <button id="counselor-add" type="submit" class="btn primary" disabled={busy}>
              추가하고 이 데스크에 지정
            </button>
            <button id="counselor-cancel" type="button" class="btn" onClick={onClose} disabled={busy}>
              닫기
            </button>
          </div>
          {failure && (
            <p id="counselor-error" class="error" role="alert">
              {failure}
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
