import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { Choice, ComplexView } from "../bindings";
import { VacancyTable } from "../components/Tables";
import { VisitEditor } from "../components/VisitEditor";
import { errorText } from "../lib/format";

interface Props {
  onOpenCompany: (id: string) => void;
  onNewCompany: (complex: string) => void;
  onNewVacancy: (companyId: string, companyName: string) => void;
}

/** 현장방문: pick an industrial complex, see its companies and open
 * vacancies, record a visit or a new vacancy in a few keystrokes. Everything
 * is local: it works with no network at all. */
export function FieldVisit(props: Props) {
  const [complexes, setComplexes] = useState<Choice[]>([]);
  const [chosen, setChosen] = useState(() => sessionStorage.getItem("doyak.complex") ?? "");
  const [view, setView] = useState<ComplexView | null>(null);
  const [visiting, setVisiting] = useState<{ id: string; name: string } | null>(null);
  const [saved, setSaved] = useState("");
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    api.companyFilterChoices().then((c) => setComplexes(c.complexes), setError);
  }, []);
  const load = (name: string) => {
    if (!name) return setView(null);
    api.complexView(name).then(setView, setError);
  };
  useEffect(() => {
    sessionStorage.setItem("doyak.complex", chosen);
    load(chosen);
  }, [chosen]);

  return (
    <section class="screen" aria-labelledby="visit-title">
      <div class="toolbar">
        <h2 id="visit-title">현장방문</h2>
        <span class="muted">네트워크 없이 기록하고, 연결되면 동기화합니다.</span>
      </div>
      <div class="filters">
        <div class="field grow">
          <label for="visit-complex">산업단지</label>
          <select id="visit-complex" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <option value="">산업단지를 고르세요</option>
            {complexes.map((c) => (
              <option value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        {chosen && (
          <button type="button" id="visit-new-company" class="btn push-right" onClick={() => props.onNewCompany(chosen)}>
            이 단지에 새 기업 등록
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(error)}
        </p>
      )}
      {saved && (
        <p class="hint" role="status" id="visit-saved">
          {saved}
        </p>
      )}
      {visiting && (
        <VisitEditor
          companyId={visiting.id}
          companyName={visiting.name}
          onCancel={() => setVisiting(null)}
          onSaved={() => {
            setSaved(`${visiting.name} 방문을 기록했습니다.`);
            setVisiting(null);
            load(chosen);
          }}
        />
      )}
      {view && (
        <>
          <h3 class="section-title">기업 {view.companies.length}곳</h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">기업명</th>
                  <th scope="col">업종</th>
                  <th scope="col">모집 중</th>
                  <th scope="col">진행상태</th>
                  <th scope="col">
                    <span class="visually-hidden">기록</span>
                  </th>
                </tr>
              </thead>
              <tbody id="visit-companies">
                {view.companies.map((c) => (
                  <tr key={c.id}>
                    <td class="name">
                      <button type="button" class="row-link" onClick={() => props.onOpenCompany(c.id)}>
                        {c.name}
                      </button>
                    </td>
                    <td class="wrap">{c.industry}</td>
                    <td>{c.open_vacancies > 0 ? `${c.open_vacancies}건 · 남은 자리 ${c.places_left}명` : ""}</td>
                    <td>
                      <span class="tag">{c.status}</span>
                    </td>
                    <td>
                      <div class="row-actions">
                      <button type="button" class="btn small-btn" data-visit={c.name} onClick={() => setVisiting({ id: c.id, name: c.name })}>
                        방문 기록
                      </button>
                      <button type="button" class="btn small-btn" data-vacancy={c.name} onClick={() => props.onNewVacancy(c.id, c.name)}>
                        구인 등록
                      </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 class="section-title">모집 중인 구인 {view.open_vacancies.length}건</h3>
          <VacancyTable id="visit-vacancies" rows={view.open_vacancies} showCompany empty="모집 중인 구인이 없습니다." />
        </>
      )}
    </section>
  );
}
