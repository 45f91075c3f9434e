import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyDetail } from "../bindings";
import { VacancyTable } from "../components/Tables";
import { Timeline } from "../components/Timeline";
import { VisitEditor } from "../components/VisitEditor";
import { Facts, Tabs, type TabSpec } from "../components/Tabs";
import { CompanyDiagnosis } from "../components/CompanyDiagnosis";
import { CompanyPlan } from "../components/CompanyPlan";
import { CompanyPrograms } from "../components/CompanyPrograms";
import { errorText } from "../lib/format";

export type Tab = "profile" | "vacancies" | "visits" | "diagnosis" | "plan" | "programs";

interface Props {
  id: string;
  /** The tab to open on (기업 정보 when not given). */
  tab?: Tab;
  onBack: () => void;
  onEdit: () => void;
  onNewVacancy: (companyName: string) => void;
  onOpenVacancy: (id: string) => void;
}

export function CompanyDetailView({ id, tab: firstTab, onBack, onEdit, onNewVacancy, onOpenVacancy }: Props) {
  const [detail, setDetail] = useState<CompanyDetail | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [tab, setTab] = useState<Tab>(firstTab ?? "profile");
  const [visiting, setVisiting] = useState(false);
  const [report, setReport] = useState("");
  const saveReport = () => {
    setReport("보고서를 만드는 중…");
    api.saveCompanyReport(id).then(
      (out) => setReport(`보고서를 저장했습니다: ${out.path}`),
      (e: UiError) => setReport(errorText(e)),
    );
  };
  const load = () => api.companyDetail(id).then(setDetail, setError);
  useEffect(() => {
    load();
  }, [id]);

  if (error) {
    return (
      <p class="error" role="alert">
        {errorText(error)}
      </p>
    );
  }
  if (!detail) return <p class="muted">불러오는 중…</p>;
  const { row } = detail;
  const tabs: ReadonlyArray<TabSpec<Tab>> = [
    { tab: "profile", label: "기업 정보" },
    { tab: "vacancies", label: `구인 (${detail.vacancies.length})` },
    { tab: "visits", label: `방문·컨설팅 기록 (${detail.events.length})` },
    { tab: "diagnosis", label: "진단" },
    { tab: "plan", label: "컨설팅 계획" },
    { tab: "programs", label: "지원사업" },
  ];

  return (
    <div class="screen" aria-labelledby="company-title">
      <button type="button" class="link-back" onClick={onBack}>
        ← 기업 목록
      </button>
      <div class="record-head">
        <div>
          <h2 id="company-title">
            {row.name} <span class="tag">{row.status}</span>
          </h2>
          <p class="muted">{[row.industry, row.size, row.region, row.industrial_complex, row.focus.join("·")].filter(Boolean).join(" · ")}</p>
        </div>
        <div class="actions">
          <button type="button" class="btn" id="company-report" onClick={saveReport}>
            보고서 PDF 저장
          </button>
          <button type="button" class="btn" id="company-edit" onClick={onEdit}>
            정보 수정
          </button>
          <button
            type="button"
            class="btn"
            id="visit-add"
            onClick={() => {
              setTab("visits");
              setVisiting(true);
            }}
          >
            방문 기록
          </button>
          <button type="button" class="btn primary" id="vacancy-add" onClick={() => onNewVacancy(row.name)}>
            구인 등록
          </button>
        </div>
      </div>
      {report && (
        <p class="hint" role="status" id="company-report-saved">
          {report}
        </p>
      )}
      <Tabs label="기업 정보" tabs={tabs} current={tab} onChange={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === "profile" && (
          <Facts facts={detail.facts} />
        )}
        {tab === "vacancies" && <VacancyTable id="company-vacancies" rows={detail.vacancies} onOpenVacancy={onOpenVacancy} empty="등록된 구인이 없습니다." />}
        {tab === "visits" && (
          <>
            {visiting && (
              <VisitEditor
                companyId={row.id}
                companyName={row.name}
                onCancel={() => setVisiting(false)}
                onSaved={() => {
                  setVisiting(false);
                  load();
                }}
              />
            )}
            <Timeline rows={detail.events} empty="방문·컨설팅 기록이 없습니다." />
          </>
        )}
        {tab === "diagnosis" && <CompanyDiagnosis companyId={row.id} />}
        {tab === "plan" && <CompanyPlan companyId={row.id} />}
        {tab === "programs" && <CompanyPrograms companyId={row.id} />}
      </div>
    </div>
  );
}
