import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "./api";
import type { CaseloadSummary, DeskInfo } from "./bindings";
import { Unlock } from "./screens/Unlock";
import { Seekers } from "./screens/Seekers";
import { StatusBar } from "./screens/StatusBar";

export function App() {
  const [info, setInfo] = useState<DeskInfo | null>(null);
  const [summary, setSummary] = useState<CaseloadSummary | null>(null);
  const [fatal, setFatal] = useState<UiError | null>(null);

  useEffect(() => {
    api.deskInfo().then(setInfo, setFatal);
  }, []);

  return (
    <div class="shell">
      <a class="skip-link" href="#main">본문 바로가기</a>
      <header class="top">
        <h1>
          도약 <span class="sub">구직자·기업 도약보장 패키지 사례관리</span>
        </h1>
        {summary && <span class="center">{summary.center_name}</span>}
      </header>
      <main id="main" tabIndex={-1}>
        {fatal && (
          <p class="error" role="alert">
            {fatal.message}
          </p>
        )}
        {info && !summary && <Unlock info={info} onUnlocked={setSummary} />}
        {summary && <Seekers summary={summary} />}
      </main>
      <StatusBar summary={summary} />
    </div>
  );
}
