import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, type CodeList } from "../api";
import type { Choice } from "../bindings";
import { latestOnly } from "../lib/latest";

interface Props {
  id: string;
  label: string;
  list: CodeList;
  /** Chosen codes (one at most unless `multiple`). */
  value: string[];
  multiple?: boolean;
  /** Keep the chosen entry's name rather than its code (qualifications are
   * stored by name). */
  storeLabel?: boolean;
  placeholder?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
}

/** A searchable code picker (ARIA combobox): type a name, 초성 or code, pick
 * with the arrow keys and Enter or a click; chosen codes show as chips. */
export function CodePicker(props: Props) {
  const { id, label, list, value, multiple = false, storeLabel = false } = props;
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Choice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The query the shown hits answer: "결과 없음" only once the search for
  // what is typed has come back empty, not while it is on its way.
  const [searched, setSearched] = useState(false);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const search = useMemo(() => latestOnly(api.searchCodes), []);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const missing = value.filter((c) => !(c in labels));
    if (missing.length === 0 || storeLabel) return;
    api.codeLabels(list, missing).then((found) => {
      setLabels((old) => ({ ...old, ...Object.fromEntries(found.map((c) => [c.value, c.label])) }));
    }, () => undefined);
  }, [value, list, labels]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      search(list, query).then((r) => {
        if (!r.stale) {
          setHits(r.value);
          setActive(0);
          setSearched(true);
        }
      }, () => setHits([]));
    }, 100);
    return () => clearTimeout(timer);
  }, [query, open, list, search]);

  function pick(hit: Choice) {
    const c = storeLabel ? { value: hit.label, label: hit.label } : hit;
    setLabels((old) => ({ ...old, [c.value]: c.label }));
    const next = multiple ? (value.includes(c.value) ? value : [...value, c.value]) : [c.value];
    props.onChange(next);
    setQuery("");
    setOpen(multiple);
    input.current?.focus();
  }

  function remove(code: string) {
    props.onChange(value.filter((c) => c !== code));
    input.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" && open && hits[active]) {
      e.preventDefault();
      pick(hits[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && query === "" && value.length > 0) {
      remove(value[value.length - 1]!);
    }
  }

  const listId = `${id}-options`;
  return (
    <div class="picker">
      {value.length > 0 && (
        <ul class="chips" aria-label={`선택한 ${label}`}>
          {value.map((code) => (
            <li key={code} class="chip">
              <span>
                {labels[code] ?? code} {!storeLabel && <span class="muted small">{code}</span>}
              </span>
              <button type="button" class="chip-remove" aria-label={`${labels[code] ?? code} 빼기`} onClick={() => remove(code)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? true : undefined}
        placeholder={props.placeholder ?? "이름, 초성 또는 코드로 찾기"}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setSearched(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setTimeout(() => setOpen(false), 150);
          props.onBlur?.();
        }}
        onKeyDown={onKeyDown}
      />
      {open && searched && hits.length === 0 && query.trim() !== "" && (
        <p id={listId} class="options none" role="status">
          결과 없음 — ‘{query.trim()}’. 다른 이름, 초성 또는 코드로 찾아 보세요.
        </p>
      )}
      {open && hits.length > 0 && (
        <ul id={listId} role="listbox" class="options" aria-label={`${label} 검색 결과`}>
          {hits.map((h, i) => (
            <li
              key={h.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? "option active" : "option"}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              {h.label} <span class="muted small">{h.value}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
