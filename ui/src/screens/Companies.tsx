import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyFilterChoices, CompanyPage } from "../bindings";
import { CompanyTable } from "../components/Tables";
import { count, errorText } from "../lib/format";
import { latestOnly } from "../lib/latest";
import { actionFor } from "../lib/shortcuts";
import { listSearchKey } from "../lib/listKeys";
import { Pager } from "../components/Pager";
import { FilterSelect } from "../components/FormParts";

const PAGE = 50;

export function Companies(props: { onOpen: (id: string) => void; onNew: () => void }) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const [complex, setComplex] = useState("");
  const [focus, setFocus] = useState("");
  // The text the rows on screen answer (Enter opens the first only then).
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<CompanyPage | null>(null);
  const [choices, setChoices] = useState<CompanyFilterChoices | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useMemo(() => latestOnly(api.companyList), []);

  useEffect(() => {
    api.companyFilterChoices().then(setChoices, setError);
    search.current?.focus();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      list({ text, status: status || null, industrial_complex: complex || null, focus: focus || null, offset, limit: PAGE }).then(
        (r) => !r.stale && (setPage(r.value), setShownFor(text), setError(null)),
        setError,
      );
    }, text ? 120 : 0);
    return () => clearTimeout(timer);
  }, [text, status, complex, focus, offset, list]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const action = actionFor(e, !!target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (action === "focus-search") {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [props.onNew]);


  return (
    <section class="screen" aria-labelledby="companies-title">
      <div class="toolbar">
        <h2 id="companies-title">기업</h2>
        <button type="button" id="company-new" class="btn primary push-right" onClick={props.onNew}>
          새 기업 등록 <kbd class="on-primary">Ctrl+N</kbd>
        </button>
      </div>
      <div class="filters" role="search">
        <div class="field grow">
          <label for="company-search">기업명 검색</label>
          <input
            id="company-search"
            ref={search}
            type="search"
            placeholder="기업명 또는 초성"
            onKeyDown={(e) => listSearchKey(e, "#company-rows .row-link", shownFor === text)}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setOffset(0);
            }}
          />
        </div>
        <FilterSelect
          id="company-status"
          label="진행상태"
          value={status}
          options={choices?.statuses ?? []}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
        />
        <FilterSelect
          id="company-complex"
          label="산업단지"
          value={complex}
          options={choices?.complexes ?? []}
          onChange={(v) => {
            setComplex(v);
            setOffset(0);
          }}
        />
        <FilterSelect
          id="company-focus"
          label="중점 업종"
          value={focus}
          options={choices?.focus_industries ?? []}
          onChange={(v) => {
            setFocus(v);
            setOffset(0);
          }}
        />
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(error)}
        </p>
      )}
      <p id="company-count" class="muted" aria-live="polite">
        {page ? `${count(page.total)}곳` : "불러오는 중…"}
      </p>
      {page && <CompanyTable id="company-rows" rows={page.items} onOpen={props.onOpen} empty="조건에 맞는 기업이 없습니다." />}
      <Pager offset={offset} page={PAGE} total={page ? page.total : null} onMove={setOffset} />
    </section>
  );
}
