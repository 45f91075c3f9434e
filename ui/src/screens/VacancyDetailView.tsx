// A vacancy's page: what it offers and asks, 추천 인재 from the caseload with
// the reasons, and its 알선 현황.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { VacancyDetail } from "../bindings";
import { Applications, Recommendations } from "../components/Matching";
import { Loading } from "../components/FormParts";
import { Facts, Tabs } from "../components/Tabs";
import { PostingCheck } from "../components/PostingCheck";

type Tab = "info" | "posting" | "recommend" | "applications";

const TABS: ReadonlyArray<{ tab: Tab; label: string }> = [
  { tab: "info", label: "구인 정보" },
  { tab: "posting", label: "공고 점검" },
  { tab: "recommend", label: "추천 인재" },
  { tab: "applications", label: "알선 현황" },
];

interface Props {
  id: string;
  onBack: () => void;
  onOpenSeeker: (id: string) => void;
  onOpenCompany: (id: string) => void;
  onEdit: (companyId: string, companyName: string) => void;
}

export function VacancyDetailView({ id, onBack, onOpenSeeker, onOpenCompany, onEdit }: Props) {
  const [detail, setDetail] = useState<VacancyDetail | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [tab, setTab] = useState<Tab>("recommend");
  const load = () => api.vacancyDetail(id).then(setDetail, setError);
  useEffect(() => {
    load();
  }, [id]);

  if (!detail) return <Loading failure={error} />;
  const { row } = detail;
  return (
    <div class="screen" aria-labelledby="vacancy-title">
      <button type="button" class="link-back" onClick={onBack}>
        ← 뒤로
      </button>
      <div class="record-head">
        <div>
          <h2 id="vacancy-title">
            {row.title} <span class="tag">{row.status}</span>
          </h2>
          <p class="muted">
            <button type="button" class="row-link" onClick={() => onOpenCompany(row.company_id)}>
              {row.company_name}
            </button>
            {" · "}
            {[row.occupation, row.region, row.wage, row.shift, ...row.perks].filter(Boolean).join(" · ")}
          </p>
          <p class="muted" id="vacancy-places">
            모집 {row.headcount}명 중 남은 자리 {detail.open_places}명
          </p>
        </div>
        <div class="actions">
          <button type="button" class="btn" id="vacancy-edit" onClick={() => onEdit(row.company_id, row.company_name)}>
            구인 수정
          </button>
        </div>
      </div>
      <Tabs label="구인 정보" tabs={TABS} current={tab} onChange={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === "info" && (
          <Facts facts={detail.facts} />
        )}
        {tab === "posting" && <PostingCheck vacancyId={id} />}
        {tab === "recommend" && (
          <Recommendations id={id} side="seekers" load={() => api.recommendedSeekers(id)} onOpen={onOpenSeeker} onChanged={load} />
        )}
        {tab === "applications" && <Applications rows={detail.applications} show="seeker" onOpen={onOpenSeeker} onChanged={load} />}
      </div>
    </div>
  );
}
