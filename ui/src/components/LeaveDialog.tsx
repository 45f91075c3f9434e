import { useEffect, useRef } from "preact/hooks";

/** Asked before a menu, a shortcut or a link leaves a form with typed text
 * that is not saved. 계속 작성 has the focus (Enter or Esc stays). */
export function LeaveDialog(props: { onStay: () => void; onLeave: () => void }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    stay.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        props.onStay();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div class="overlay">
      <section class="card dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-text" id="leave-dialog">
        <h2 id="leave-title">저장하지 않은 내용이 있습니다</h2>
        <p id="leave-text">이 화면을 떠나면 입력한 내용이 저장되지 않습니다.</p>
        <div class="actions">
          <button type="button" class="btn" id="leave-discard" onClick={props.onLeave}>
            저장하지 않고 떠나기
          </button>
          <button type="button" class="btn primary" id="leave-stay" ref={stay} onClick={props.onStay}>
            계속 작성
          </button>
        </div>
      </section>
    </div>
  );
}
