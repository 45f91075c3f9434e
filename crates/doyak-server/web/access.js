// 도약 개인정보 접근 기록: reads /center/access-log with a center
// administrator's token and shows each device's chain and a page of
// entries. Every value is put in with textContent: nothing the server
// sends is read as markup.
"use strict";

const TOKEN_KEY = "doyak.centerToken";
const PER_PAGE = 100;
const ACTIONS = { view: "열람", print: "출력", export: "내보내기", destroy: "파기" };
const $ = (id) => document.getElementById(id);
let page = 1;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function query(withPage) {
  const q = new URLSearchParams();
  for (const [key, id] of [["device", "device"], ["action", "action"], ["entity_id", "entity"], ["from", "from"], ["to", "to"]]) {
    const value = $(id).value.trim();
    if (value) q.set(key, value);
  }
  if (withPage) {
    q.set("page", String(page));
    q.set("per_page", String(PER_PAGE));
  }
  return q;
}

function token() {
  const t = $("token").value.trim();
  if (!t.startsWith("doyak_vt1_")) throw new Error("센터 관리자 토큰(doyak_vt1_…)을 넣어 주세요.");
  return t;
}

// One answer with the token; a refusal throws with the server's words.
async function ask(path, t) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${t}` }, cache: "no-store", credentials: "omit" });
  if (response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const details = (body.details || []).join(" ");
    throw new Error(`${body.message || `서버가 ${response.status}로 답했습니다.`} ${details}`.trim());
  }
  return response;
}

function korean(at) {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString("ko-KR", { timeZone: "Asia/Seoul", hour12: false });
}

function render(body) {
  const devices = $("device");
  const chosen = devices.value;
  devices.replaceChildren(el("option", { value: "" }, "전체"));
  for (const c of body.devices) devices.append(el("option", { value: c.device_id }, c.name || c.device_id));
  devices.value = chosen;
  $("chains").replaceChildren(...body.devices.map((c) => el("tr", {},
    el("td", {}, el("code", {}, c.device_id)), el("td", {}, c.name),
    el("td", { class: "num" }, String(c.entries)), el("td", { class: "num" }, String(c.last_seq)),
    c.verified ? el("td", { class: "good" }, "이상 없음")
      : el("td", { class: "bad" }, `${c.broken_at}번에서 어긋남: ${c.problem}`),
    el("td", {}, el("code", {}, c.head.slice(0, 16) + "…")))));
  $("chains-part").hidden = false;
  $("entries").replaceChildren(...body.entries.map((e) => el("tr", {},
    el("td", {}, korean(e.at)), el("td", {}, el("code", {}, e.device_id.slice(0, 8))),
    el("td", { class: "num" }, String(e.seq)), el("td", {}, e.actor),
    el("td", {}, ACTIONS[e.action] || e.action), el("td", {}, e.entity),
    el("td", {}, el("code", {}, e.entity_id || "")), el("td", {}, e.detail))));
  const pages = Math.max(1, Math.ceil(body.total / PER_PAGE));
  $("entries-title").textContent = `기록 ${body.total.toLocaleString("ko-KR")}건 (최근 것부터)`;
  $("page").textContent = `${page} / ${pages}쪽`;
  $("newer").disabled = page <= 1;
  $("older").disabled = page >= pages;
  $("entries-part").hidden = false;
  $("status").className = "";
  $("status").textContent = `${body.center_name} · 기기 ${body.devices.length}대`;
}

async function show(event) {
  if (event) event.preventDefault();
  try {
    const t = token();
    $("status").className = "";
    $("status").textContent = "불러오는 중…";
    const response = await ask(`/center/access-log?${query(true)}`, t);
    sessionStorage.setItem(TOKEN_KEY, t);
    render(await response.json());
  } catch (e) {
    $("status").className = "error";
    $("status").textContent = e instanceof TypeError ? "서버에 연결할 수 없습니다." : e.message;
  }
}

async function download() {
  try {
    const response = await ask(`/center/access-log.csv?${query(false)}`, token());
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: "접근기록.csv" });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  } catch (e) {
    $("status").className = "error";
    $("status").textContent = e instanceof TypeError ? "서버에 연결할 수 없습니다." : e.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $("token").value = saved;
  $("ask").addEventListener("submit", (e) => { page = 1; show(e); });
  $("csv").addEventListener("click", download);
  $("newer").addEventListener("click", () => { page = Math.max(1, page - 1); show(); });
  $("older").addEventListener("click", () => { page += 1; show(); });
  $("forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $("token").value = "";
    for (const id of ["chains", "entries"]) $(id).replaceChildren();
    $("chains-part").hidden = true;
    $("entries-part").hidden = true;
    $("status").className = "";
    $("status").textContent = "토큰을 지웠습니다.";
  });
  if (saved) show();
});
