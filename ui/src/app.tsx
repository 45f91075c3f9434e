import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "./api";
import type { CaseloadSummary, DeskCounselor, DeskInfo, LockNotice, QuickHit } from "./bindings";
import { listen } from "@tauri-apps/api/event";
import { activityReporter } from "./lib/activity";
import { discardUnsaved, hasUnsaved } from "./lib/guard";
import { actionFor, nextZoom, type Action } from "./lib/shortcuts";
import { LeaveDialog } from "./components/LeaveDialog";
import { QuickSearch } from "./components/QuickSearch";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { AssignmentView } from "./screens/AssignmentView";
import { Companies } from "./screens/Companies";
import { DataScreen } from "./screens/DataScreen";
import { PassphraseDialog } from "./screens/PassphraseDialog";
import { CompanyDetailView, type Tab as CompanyTab } from "./screens/CompanyDetailView";
import { CounselorDialog } from "./screens/CounselorDialog";
import { CompanyFormView } from "./screens/CompanyFormView";
import { FieldVisit } from "./screens/FieldVisit";
import { SeekerDetailView, type Tab as SeekerTab } from "./screens/SeekerDetailView";
import { SeekerFormView } from "./screens/SeekerFormView";
import { Seekers } from "./screens/Seekers";
import { StatusBar } from "./screens/StatusBar";
import { SyncScreen } from "./screens/SyncScreen";
import { Today } from "./screens/Today";
import { Performance } from "./screens/Performance";
import { LockScreen, Unlock } from "./screens/Unlock";
import { Vacancies } from "./screens/Vacancies";
import { VacancyDetailView } from "./screens/VacancyDetailView";
import { VacancyFormView } from "./screens/VacancyFormView";

type Screen = "today" | "seekers" | "companies" | "vacancies" | "visit" | "data" | "sync" | "kpi";
type Route =
  | { screen: Screen }
  | { screen: "seeker"; id: string; tab?: SeekerTab; writing?: boolean }
  | { screen: "seeker-form"; id: string | null }
  | { screen: "company"; id: string; tab?: CompanyTab }
  | { screen: "vacancy"; id: string; back: Route }
  | { screen: "assignment" }
  | { screen: "company-form"; id: string | null; complex: string; back: Route }
  | { screen: "vacancy-form"; id: string | null; companyId: string; companyName: string; back: Route };

/** Which menu entry a route belongs under. */
function section(route: Route): Screen {
  switch (route.screen) {
    case "seeker":
    case "seeker-form":
      return "seekers";
    case "company":
    case "company-form":
      return "companies";
    case "vacancy-form":
    case "vacancy":
      return section(route.back);
    case "assignment":
      return "vacancies";
    default:
      return route.screen;
  }
}

const NAV: ReadonlyArray<{ screen: Screen; label: string; keys: string; action: Action }> = [
  { screen: "today", label: "오늘 할 일", keys: "Alt+1", action: "go-today" },
  { screen: "seekers", label: "구직자", keys: "Alt+2", action: "go-seekers" },
  { screen: "companies", label: "기업", keys: "Alt+3", action: "go-companies" },
  { screen: "vacancies", label: "구인", keys: "Alt+4", action: "go-vacancies" },
  { screen: "visit", label: "현장방문", keys: "Alt+5", action: "go-visit" },
  { screen: "data", label: "가져오기·내보내기", keys: "Alt+6", action: "go-data" },
  { screen: "sync", label: "동기화", keys: "Alt+7", action: "go-sync" },
  { screen: "kpi", label: "성과", keys: "Alt+8", action: "go-kpi" },
];

const ZOOM_KEY = "doyak.zoom";

/** The page's zoom, kept across restarts on this computer (not a personal
 * datum: only a number). Outside the desk (tests) setting it does nothing. */
function applyZoom(level: number) {
  getCurrentWebview()
    .setZoom(level)
    .catch(() => undefined);
}

function savedZoom(): number {
  const n = Number(localStorage.getItem(ZOOM_KEY));
  return Number.isFinite(n) && n >= 0.5 && n <= 3 ? n : 1;
}

export function App() {
  const [info, setInfo] = useState<DeskInfo | null>(null);
  const [summary, setSummary] = useState<CaseloadSummary | null>(null);
  // Set while the desk is locked (자동 잠금): the screens stay, hidden.
  const [lock, setLock] = useState<LockNotice | null>(null);
  const [fatal, setFatal] = useState<UiError | null>(null);
  const [route, setRouteNow] = useState<Route>({ screen: "today" });
  // Leaving a form with typed, unsaved text asks first (lib/guard).
  const [leaving, setLeaving] = useState<Route | null>(null);
  const setRoute = (next: Route) => (hasUnsaved() ? setLeaving(next) : setRouteNow(next));
  const [passphraseOpen, setPassphraseOpen] = useState(false);
  const [counselor, setCounselor] = useState<DeskCounselor | null>(null);
  const [counselorOpen, setCounselorOpen] = useState(false);
  const [quickOpen, setQuickOpen] = useState(false);
  const [zoom, setZoom] = useState(savedZoom);
  useEffect(() => {
    applyZoom(zoom);
    localStorage.setItem(ZOOM_KEY, String(zoom));
  }, [zoom]);
  const screen: Screen = section(route);
  const setScreen = (s: Screen) => setRoute({ screen: s });
  // The list's totals and the status bar follow every save. A desk found
  // locked (an event missed) shows the lock screen.
  const refresh = () =>
    api.summary().then(setSummary, (e: UiError) => {
      if (e.code === "desk.locked") api.lockState().then((n) => n && setLock(n), () => undefined);
    });

  useEffect(() => {
    api.deskInfo().then(setInfo, setFatal);
  }, []);

  // The status bar's count of changes waiting to sync follows every write,
  // wherever it was made.
  const unlocked = summary !== null && lock === null;
  useEffect(() => {
    const stop = listen<LockNotice>("desk-locked", (e) => {
      setQuickOpen(false);
      setLock(e.payload);
    });
    return () => {
      stop.then((f) => f(), () => undefined);
    };
  }, []);
  // Keys, clicks and the wheel tell the desk someone is there (at most
  // every 15 s); without them it locks after the center's idle time.
  useEffect(() => {
    if (!unlocked) return;
    const report = activityReporter(() => api.deskActivity().catch(() => undefined), 15_000);
    const events = ["keydown", "pointerdown", "wheel", "pointermove"] as const;
    for (const name of events) document.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of events) document.removeEventListener(name, report, { capture: true });
    };
  }, [unlocked]);
  useEffect(() => {
    if (unlocked) api.deskCounselor().then(setCounselor, () => undefined);
  }, [unlocked]);
  useEffect(() => {
    if (!unlocked) return;
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [unlocked]);

  // Route and screen change on every navigation: the handler reads them
  // through a ref so it is installed once.
  const here = useRef({ route, screen });
  here.current = { route, screen };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
      const action = actionFor(e, typing);
      if (action === "zoom-in" || action === "zoom-out" || action === "zoom-reset") {
        // Zoom works on the unlock screen too.
        e.preventDefault();
        setZoom((z) => nextZoom(z, action));
        return;
      }
      if (!summary || lock || !action) return;
      const nav = NAV.find((n) => n.action === action);
      if (nav) {
        e.preventDefault();
        setQuickOpen(false);
        setScreen(nav.screen);
      } else if (action === "quick-search") {
        e.preventDefault();
        setQuickOpen(true);
      } else if (action === "new-record") {
        e.preventDefault();
        setQuickOpen(false);
        const { route: at, screen: section } = here.current;
        setRoute(
          section === "companies"
            ? { screen: "company-form", id: null, complex: "", back: at }
            : { screen: "seeker-form", id: null },
        );
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [summary, lock]);

  // A new page with nothing focused (the button that opened it is gone)
  // puts the focus on the page itself, so keys and screen readers start
  // there, not at the top of the window. Pages that focus a field win: their
  // effects run first.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById("main")?.focus({ preventScroll: true });
  }, [route]);

  function openHit(hit: QuickHit) {
    setQuickOpen(false);
    if (hit.kind === "seeker") setRoute({ screen: "seeker", id: hit.id });
    else if (hit.kind === "company") setRoute({ screen: "company", id: hit.id });
    else setRoute({ screen: "vacancy", id: hit.id, back: here.current.route });
  }

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        본문 바로가기
      </a>
      <header class="top">
        <h1>
          도약 <span class="sub">구직자·기업 도약보장 패키지 사례관리</span>
        </h1>
        {summary && !lock && (
          <div class="top-right">
            <button id="quick-open" type="button" class="btn small-btn" aria-keyshortcuts="Control+K" onClick={() => setQuickOpen(true)}>
              통합 검색 <kbd>Ctrl+K</kbd>
            </button>
            {zoom !== 1 && (
              <button id="zoom-reset" type="button" class="btn small-btn" aria-keyshortcuts="Control+0" onClick={() => setZoom(1)}>
                화면 {Math.round(zoom * 100)}% · 원래 크기 <kbd>Ctrl+0</kbd>
              </button>
            )}
            <span class="center">{summary.center_name}</span>
            {counselor && (
              <button
                id="counselor-open"
                type="button"
                class={counselor.current ? "btn small-btn" : "btn small-btn attention"}
                title="이 데스크에서 쓰는 기록의 작성자"
                onClick={() => setCounselorOpen(true)}
              >
                {counselor.current ? `상담사 ${counselor.current.name}` : "상담사 지정 필요"}
              </button>
            )}
            <button id="passphrase-open" type="button" class="btn small-btn" onClick={() => setPassphraseOpen(true)}>
              암호 변경
            </button>
            <button
              id="lock-now"
              type="button"
              class="btn small-btn"
              title="자리를 비울 때: 사례관리 파일을 닫고 암호를 다시 묻습니다"
              onClick={() => api.lockDesk().catch(() => undefined)}
            >
              잠금
            </button>
          </div>
        )}
      </header>
      {info && summary && lock && (
        <LockScreen
          info={info}
          notice={lock}
          onUnlocked={(s) => {
            setSummary(s);
            setLock(null);
          }}
        />
      )}
      <div class="body" hidden={lock !== null} {...(lock !== null ? { inert: true } : {})}>
        {summary && (
          <nav class="side" aria-label="주 메뉴">
            <ul>
              {NAV.map((n) => (
                <li key={n.screen}>
                  <button
                    id={`nav-${n.screen}`}
                    class={screen === n.screen ? "nav-item active" : "nav-item"}
                    aria-current={screen === n.screen ? "page" : undefined}
                    aria-keyshortcuts={n.keys}
                    onClick={() => setScreen(n.screen)}
                  >
                    <span>{n.label}</span>
                    <kbd>{n.keys}</kbd>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {leaving && (
            <LeaveDialog
              onStay={() => setLeaving(null)}
              onLeave={() => {
                discardUnsaved();
                setRouteNow(leaving);
                setLeaving(null);
              }}
            />
          )}
          {fatal && (
            <p class="error" role="alert">
              {fatal.message}
            </p>
          )}
          {info && !summary && <Unlock info={info} onUnlocked={setSummary} />}
          {summary && route.screen === "today" && (
            <Today
              onOpenSeeker={(id, tab, writing) => setRoute({ screen: "seeker", id, tab, writing })}
              onOpenSubject={(id) =>
                // A referral's subject is a seeker or a company: the seeker
                // page says 찾을 수 없음 for a company id, so ask the desk.
                api.seekerDetail(id).then(
                  () => setRoute({ screen: "seeker", id }),
                  () => setRoute({ screen: "company", id }),
                )
              }
              onOpenVacancy={(id) => setRoute({ screen: "vacancy", id, back: { screen: "today" } })}
              onOpenCompany={(id, tab) => setRoute({ screen: "company", id, tab })}
            />
          )}
          {summary && route.screen === "kpi" && (
            <Performance onOpenSeeker={(id) => setRoute({ screen: "seeker", id })} onOpenCompany={(id) => setRoute({ screen: "company", id })} />
          )}
          {summary && route.screen === "seekers" && (
            <Seekers
              summary={summary}
              onOpen={(id) => setRoute({ screen: "seeker", id })}
              onNew={() => setRoute({ screen: "seeker-form", id: null })}
            />
          )}
          {summary && route.screen === "seeker" && (
            <SeekerDetailView
              key={`${route.id}-${route.tab ?? ""}-${route.writing ? 1 : 0}`}
              id={route.id}
              tab={route.tab}
              writing={route.writing}
              onBack={() => setScreen("seekers")}
              onEdit={() => setRoute({ screen: "seeker-form", id: route.id })}
              onOpenVacancy={(id) => setRoute({ screen: "vacancy", id, back: route })}
            />
          )}
          {summary && route.screen === "companies" && (
            <Companies
              onOpen={(id) => setRoute({ screen: "company", id })}
              onNew={() => setRoute({ screen: "company-form", id: null, complex: "", back: { screen: "companies" } })}
            />
          )}
          {summary && route.screen === "data" && <DataScreen onChanged={refresh} />}
          {summary && route.screen === "sync" && (
            <SyncScreen
              onOpenSeeker={(id) => setRoute({ screen: "seeker", id })}
              onOpenCompany={(id) => setRoute({ screen: "company", id })}
              onSynced={refresh}
            />
          )}
          {summary && route.screen === "vacancies" && (
            <Vacancies
              onOpenCompany={(id) => setRoute({ screen: "company", id })}
              onOpenVacancy={(id) => setRoute({ screen: "vacancy", id, back: route })}
              onAssignment={() => setRoute({ screen: "assignment" })}
            />
          )}
          {summary && route.screen === "assignment" && (
            <AssignmentView onBack={() => setScreen("vacancies")} onOpenSeeker={(id) => setRoute({ screen: "seeker", id })} />
          )}
          {summary && route.screen === "visit" && (
            <FieldVisit
              onOpenCompany={(id) => setRoute({ screen: "company", id })}
              onNewCompany={(complex) => setRoute({ screen: "company-form", id: null, complex, back: { screen: "visit" } })}
              onNewVacancy={(companyId, companyName) =>
                setRoute({ screen: "vacancy-form", id: null, companyId, companyName, back: { screen: "visit" } })
              }
            />
          )}
          {summary && route.screen === "company" && (
            <CompanyDetailView
              key={`${route.id}-${route.tab ?? ""}`}
              id={route.id}
              tab={route.tab}
              onBack={() => setScreen("companies")}
              onEdit={() => setRoute({ screen: "company-form", id: route.id, complex: "", back: route })}
              onNewVacancy={(companyName) =>
                setRoute({ screen: "vacancy-form", id: null, companyId: route.id, companyName, back: route })
              }
              onOpenVacancy={(id) => setRoute({ screen: "vacancy", id, back: route })}
            />
          )}
          {summary && route.screen === "vacancy" && (
            <VacancyDetailView
              id={route.id}
              onBack={() => setRoute(route.back)}
              onOpenSeeker={(id) => setRoute({ screen: "seeker", id })}
              onOpenCompany={(id) => setRoute({ screen: "company", id })}
              onEdit={(companyId, companyName) =>
                setRoute({ screen: "vacancy-form", id: route.id, companyId, companyName, back: route })
              }
            />
          )}
          {summary && route.screen === "company-form" && (
            <CompanyFormView
              id={route.id}
              industrialComplex={route.complex}
              onCancel={() => setRoute(route.back)}
              onSaved={(id) => {
                refresh();
                setRoute(route.back.screen === "visit" ? route.back : { screen: "company", id });
              }}
            />
          )}
          {summary && route.screen === "vacancy-form" && (
            <VacancyFormView
              id={route.id}
              companyId={route.companyId}
              companyName={route.companyName}
              onCancel={() => setRoute(route.back)}
              onSaved={() => {
                refresh();
                setRoute(route.back);
              }}
            />
          )}
          {summary && route.screen === "seeker-form" && (
            <SeekerFormView
              id={route.id}
              onCancel={() => setRoute(route.id ? { screen: "seeker", id: route.id } : { screen: "seekers" })}
              onOpenSeeker={(id) => setRoute({ screen: "seeker", id })}
              onSaved={(id) => {
                refresh();
                setRoute({ screen: "seeker", id });
              }}
            />
          )}
        </main>
      </div>
      {unlocked && passphraseOpen && <PassphraseDialog onClose={() => setPassphraseOpen(false)} />}
      {unlocked && counselor && counselorOpen && (
        <CounselorDialog current={counselor} onChanged={setCounselor} onClose={() => setCounselorOpen(false)} />
      )}
      {unlocked && quickOpen && <QuickSearch onOpen={openHit} onClose={() => setQuickOpen(false)} />}
      <StatusBar summary={lock ? null : summary} onOpenSync={() => setScreen("sync")} onSynced={refresh} />
    </div>
  );
}
