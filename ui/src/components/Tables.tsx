import type { CompanyRow, VacancyRow } from "../bindings";

export function CompanyTable(props: { rows: CompanyRow[]; onOpen: (id: string) => void; empty: string; id?: string }) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">기업명</th>
            <th scope="col">업종</th>
            <th scope="col">규모</th>
            <th scope="col">산업단지</th>
            <th scope="col">중점 업종</th>
            <th scope="col">진행상태</th>
            <th scope="col">모집 중</th>
          </tr>
        </thead>
        <tbody id={props.id}>
          {props.rows.map((c) => (
            <tr key={c.id} data-id={c.id}>
              <td class="name">
                <button type="button" class="row-link" onClick={() => props.onOpen(c.id)}>
                  {c.name}
                </button>
              </td>
              <td class="wrap">{c.industry}</td>
              <td>{c.size}</td>
              <td>{c.industrial_complex}</td>
              <td>{c.focus.join(", ")}</td>
              <td>
                <span class="tag">{c.status}</span>
              </td>
              <td>{c.open_vacancies > 0 ? `${c.open_vacancies}건 · 남은 자리 ${c.places_left}명` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VacancyTable(props: {
  rows: VacancyRow[];
  empty: string;
  showCompany?: boolean;
  onOpenCompany?: (id: string) => void;
  onOpenVacancy?: (id: string) => void;
  id?: string;
}) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {props.showCompany && <th scope="col">기업</th>}
            <th scope="col">공고명</th>
            <th scope="col">직종</th>
            <th scope="col" title="남은 자리 / 모집인원 (모집인원에서 합격을 뺀 수)">남은/모집</th>
            <th scope="col">임금</th>
            <th scope="col">근무형태</th>
            <th scope="col">복리후생</th>
            <th scope="col">상태</th>
            <th scope="col">경과</th>
          </tr>
        </thead>
        <tbody id={props.id}>
          {props.rows.map((v) => (
            <tr key={v.id} data-id={v.id}>
              {props.showCompany && (
                <td class="name">
                  {props.onOpenCompany ? (
                    <button type="button" class="row-link" onClick={() => props.onOpenCompany?.(v.company_id)}>
                      {v.company_name}
                    </button>
                  ) : (
                    v.company_name
                  )}
                </td>
              )}
              <td class="vacancy-title">
                {props.onOpenVacancy ? (
                  <button type="button" class="row-link" onClick={() => props.onOpenVacancy?.(v.id)}>
                    {v.title}
                  </button>
                ) : (
                  v.title
                )}
              </td>
              <td class="wrap">{v.occupation}</td>
              <td>{`${v.places_left}/${v.headcount}명`}</td>
              <td>{v.wage}</td>
              <td>{v.shift}</td>
              <td>{v.perks.join(", ")}</td>
              <td>
                <span class="tag">{v.status}</span>
              </td>
              <td>{v.open_days}일</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
