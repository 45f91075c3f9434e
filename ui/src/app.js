// The minimal desk: unlock, then the seeker list with 초성 search. The full
// desk (issue 3) replaces this with a typed front end.
const invoke = window.__TAURI__.core.invoke;
const $ = (id) => document.getElementById(id);

let searchTimer = null;

async function start() {
  const info = await invoke("desk_info");
  if (info.demo) {
    const hint = $("demo-hint");
    hint.hidden = false;
    hint.textContent = `데모 사례관리입니다 (가상 인물). 암호: ${info.demo_passphrase}`;
  }
  if (!info.caseload_exists) {
    $("unlock-error").textContent = "사례관리 파일이 없습니다. `doyak init`으로 먼저 만들어 주세요.";
  }
}

async function unlock(event) {
  event.preventDefault();
  $("unlock-error").textContent = "";
  try {
    const summary = await invoke("unlock", { passphrase: $("passphrase").value });
    $("passphrase").value = "";
    $("unlock").hidden = true;
    $("seekers").hidden = false;
    $("center").textContent = summary.center_name;
    showPending(summary.pending_changes);
    await refresh();
    $("search").focus();
  } catch (e) {
    $("unlock-error").textContent = e.message ?? String(e);
  }
}

function showPending(n) {
  $("status-pending").textContent = `동기화 대기 ${n.toLocaleString("ko-KR")}건`;
}

async function refresh() {
  const query = $("search").value;
  const page = await invoke("list_seekers", { query, offset: 0, limit: 100 });
  $("count").textContent = `${page.total.toLocaleString("ko-KR")}명`;
  const rows = $("rows");
  rows.replaceChildren(
    ...page.items.map((s) => {
      const tr = document.createElement("tr");
      for (const v of [s.name, s.age ?? "", s.status, s.track, s.desired.join(", "), s.home, s.phone_masked]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      }
      return tr;
    }),
  );
}

$("unlock-form").addEventListener("submit", unlock);
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(refresh, 120);
});
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k" && !$("seekers").hidden) {
    e.preventDefault();
    $("search").focus();
  }
});
start();
