import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CaseloadSummary, SeekerFilterChoices, SeekerPage } from "../bindings";
import { count, errorText, people } from "../lib/format";
import { latestOnly } from "../lib/latest";
import { actionFor } from "../lib/shortcuts";
import { listSearchKey } from "../lib/listKeys";
import { Pager } from "../components/Pager";
import { FilterSelect } from "../components/FormParts";

const PAGE = 50;

interface Props {
  summary: CaseloadSummary;
  onOpen: (id: string) => void;
  onNew: () => void;
}

export function Seekers({ summary, onOpen, onNew }: Props) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const [track, setTrack] = useState("");
  const [group, setGroup] = useState("");
  // The text the rows on screen answer (Enter opens the first only then).
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<SeekerPage | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [choices, setChoices] = useState<SeekerFilterChoices | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useMemo(() => latestOnly(api.listSeekers), []);

  useEffect(() => {
    api.seekerFilterChoices().then(setChoices, setError);
    search.current?.focus();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      list({ text, status: status || null, track: track || null, target_group: group || null, offset, limit: PAGE }).then(
        (r) => {
          if (!r.stale) {
            setPage(r.value);
            setShownFor(text);
            setError(null);
          }
        },
        (e: UiError) => setError(e),
      );
    }, 0);
    return () => clearTimeout(timer);
  }, [text, status, track, group, offset, list]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
      const action = actionFor(e, typing);
      if (action === "focus-search") {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onNew]);

  const total = page?.total ?? 0;
  const shown = page ? `${count(total === 0 ? 0 : offset + 1)}–${count(offset + page.items.length)}` : "";

  return (
    <section aria-labelledby="seekers-title" class="screen">
      <div class="toolbar">
        <h2 id="seekers-title">구직자</h2>
        <span class="muted">전체 {people(summary.seekers)}</span>
        <button type="button" id="seeker-new" class="btn primary push-right" aria-keyshortcuts="Control+N" onClick={onNew}>
          새 구직자 등록 <kbd class="on-primary">Ctrl+N</kbd>
        </button>
      </div>
      <div class="filters" role="search">
        <div class="field grow">
          <label for="seeker-search">이름 검색</label>
          <input
            id="seeker-search"
            ref={search}
            type="search"
            placeholder="이름 또는 초성 (예: ㄱㅁㅅ)"
            aria-keyshortcuts="/"
            onKeyDown={(e) => listSearchKey(e, "#seeker-rows .row-link", shownFor === text)}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setOffset(0);
            }}
          />
        </div>
        <FilterSelect
          id="seeker-status"
          label="진행상태"
          value={status}
          options={choices?.statuses ?? []}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
        />
        <FilterSelect
          id="seeker-track"
          label="참여유형"
          value={track}
          options={choices?.tracks ?? []}
          onChange={(v) => {
            setTrack(v);
            setOffset(0);
          }}
        />
        <FilterSelect
          id="seeker-group"
          label="대상 집단"
          value={group}
          options={choices?.target_groups ?? []}
          onChange={(v) => {
            setGroup(v);
            setOffset(0);
          }}
        />
      </div>
      {error && (
        <p class="error" role="alert">
          {errorText(error)}
        </p>
      )}
      <p id="seeker-count" class="muted" aria-live="polite">
        {page ? `${people(total)} 중 ${shown}` : "불러오는 중…"}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">구직자 목록</caption>
          <thead>
            <tr>
              <th scope="col">이름</th>
              <th scope="col">나이</th>
              <th scope="col">진행상태</th>
              <th scope="col">참여유형</th>
              <th scope="col">희망직종</th>
              <th scope="col">거주지</th>
              <th scope="col">연락처</th>
            </tr>
          </thead>
          <tbody id="seeker-rows">
            {page?.items.map((s) => (
              <tr key={s.id} data-id={s.id}>
                <td class="name">
                  <button type="button" class="row-link" onClick={() => onOpen(s.id)}>
                    {s.name}
                  </button>
                </td>
                <td>{s.age ?? ""}</td>
                <td>
                  <span class="tag">{s.status}</span>
                </td>
                <td>{s.track}</td>
                <td>{s.desired.join(", ")}</td>
                <td>{s.home}</td>
                <td>{s.phone_masked}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page && page.items.length === 0 && <p class="empty">조건에 맞는 구직자가 없습니다.</p>}
      </div>
      <Pager offset={offset} page={PAGE} total={page ? total : null} onMove={setOffset} />
    </section>
  );
}
