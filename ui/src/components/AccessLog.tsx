// 개인정보 접근 기록: who opened, exported, printed or destroyed whose data
// on this desk, newest first; with `verify`, the check that the whole log
// still chains by hash from its first entry (an edited or removed entry is
// named by its number).

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { AccessLogVerdict, AccessRow } from "../bindings";
import { errorText } from "../lib/format";

const ENTITY: Record<string, string> = { seeker: "구직자", company: "기업", vacancy: "구인" };

export function AccessLog(props: { recordId?: string; limit?: number; verify?: boolean; id: string }) {
  const [rows, setRows] = useState<AccessRow[] | null>(null);
  const [verdict, setVerdict] = useState<AccessLogVerdict | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  useEffect(() => {
    api.accessLog(props.recordId ?? "", props.limit ?? 20).then(setRows, setFailure);
  }, [props.recordId]);
  const check = () => api.verifyAccessLog().then(setVerdict, setFailure);
  return (
    <div class="access-log" id={props.id}>
      {props.verify && (
        <div class="row-actions">
          <button type="button" class="btn small-btn" id={`${props.id}-verify`} onClick={check}>
            위·변조 검사
          </button>
          {verdict && (
            <span class={verdict.broken_at === null ? "hint" : "error"} role="status" id={`${props.id}-verdict`}>
              {verdict.broken_at === null
                ? `${verdict.entries}건이 모두 이어져 있습니다.`
                : `${verdict.broken_at}번 기록에서 연결이 끊겼습니다: ${verdict.reason}`}
            </span>
          )}
        </div>
      )}
      {failure && <p class="error" role="alert">{errorText(failure)}</p>}
      {rows && rows.length === 0 && <p class="empty">접근 기록이 없습니다.</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">번호</th>
              <th scope="col">시각</th>
              <th scope="col">누가</th>
              <th scope="col">무엇을</th>
              {!props.recordId && <th scope="col">대상</th>}
              <th scope="col">내용</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{r.at}</td>
                <td>{r.who}</td>
                <td>{r.action}</td>
                {!props.recordId && (
                  <td class="muted small">
                    {ENTITY[r.entity] ?? r.entity} {r.entity_id.slice(-8)}
                  </td>
                )}
                <td class="muted small">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
