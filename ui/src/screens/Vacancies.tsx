import { useEffect, useMemo, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyFormChoices, VacancyPage } from "../bindings";
import { VacancyTable } from "../components/Tables";
import { listSearchKey } from "../lib/listKeys";
import { count, errorText } from "../lib/format";
import { latestOnly } from "../lib/latest";
import { Pager } from "../components/Pager";
import { FilterSelect } from "../components/FormParts";

const PAGE = 50;

export function Vacancies(props: { onOpenCompany: (id: string) => void; onOpenVacancy: (id: string) => void; onAssignment: () => void }) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState("open");
  // The text the rows on screen answer (Enter opens the first only then).
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<VacancyPage | null>(null);
  const [choices, setChoices] = useState<CompanyFormChoices | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const list = useMemo(() => latestOnly(api.vacancyList), []);

  useEffect(() => {
    api.companyFormChoices().then(setChoices, setError);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => {
      list({ text, status: status || null, company_id: null, offset, limit: PAGE }).then(
        (r) => !r.stale && (setPage(r.value), setShownFor(text), setError(null)),
        setError,
      );
    }, text ? 120 : 0);
    return () => clearTimeout(timer);
  }, [text, status, offset, list]);

  return (
    <section class="screen" aria-labelledby="vacancies-title">
      <div class="toolbar">
        <h2 id="vacancies-title">구인</h2>
        <span class="muted">새 구인은 기업 화면이나 현장방문에서 등록합니다.</span>
        <button type="button" class="btn" id="assignment-open" onClick={props.onAssignment}>
          배정 제안
        </button>
      </div>
      <div class="filters" role="search">
        <div class="field grow">
          <label for="vacancy-search">공고·기업명 검색</label>
          <input
            id="vacancy-search"
            type="search"
            placeholder="공고명, 기업명 또는 초성"
            onKeyDown={(e) => listSearchKey(e, "#vacancy-rows .vacancy-title .row-link", shownFor === text)}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setOffset(0);
            }}
          />
        </div>
        <FilterSelect
          id="vacancy-status"
          label="모집상태"
          value={status}
          options={choices?.vacancy_statuses ?? []}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
        />
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(error)}
        </p>
      )}
      <p id="vacancy-count" class="muted" aria-live="polite">
        {page ? `${count(page.total)}건` : "불러오는 중…"}
      </p>
      {page && (
        <VacancyTable
          id="vacancy-rows"
          rows={page.items}
          showCompany
          onOpenCompany={props.onOpenCompany}
          onOpenVacancy={props.onOpenVacancy}
          empty="조건에 맞는 구인이 없습니다."
        />
      )}
      <Pager offset={offset} page={PAGE} total={page ? page.total : null} onMove={setOffset} />
    </section>
  );
}
