// 도약 전국 현황: reads /stats/counts with the viewer's token and draws a
// chart and a table per metric. Every value is put in with textContent:
// nothing the server sends is read as markup.
"use strict";

// id, label, definition, what a count counts
const METRICS = [
  ["active_seekers", "참여 중 구직자", "참여한 달 기준, 아직 취업·종료하지 않은 구직자 수 (명)", "명"],
  ["placements", "취업", "취업일이 속한 달 기준, 기록된 취업 건수 (건)", "건"],
  ["hires", "알선 합격", "알선한 달 기준, 합격으로 끝난 알선 건수 (건)", "건"],
];
const TOKEN_KEY = "doyak.viewerToken";

const $ = (id) => document.getElementById(id);

// The last figures answer, redrawn when another figure is chosen.
let figuresFor = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function months(from, to) {
  const out = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function defaultPeriod() {
  const now = new Date();
  const to = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const from = new Date(to.getFullYear(), to.getMonth() - 5, 1);
  const key = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  return [key(from), key(to)];
}

// A published count as shown: the number, or why it is hidden ("5명
// 미만" for 1–4; "비공개" for a cell hidden to protect one, or withheld
// under a hidden total, which may be anything).
function shown(p, unit) {
  if (!p) return { text: "0", value: 0, hidden: false };
  if (p.count !== null && p.count !== undefined) {
    return { text: p.count.toLocaleString("ko-KR"), value: p.count, hidden: false };
  }
  const text = p.hidden === "small" ? `5${unit} 미만` : "비공개";
  return { text, value: null, hidden: true };
}

function index(rows, key) {
  const map = new Map();
  for (const r of rows) map.set(`${key(r)}|${r.month}|${r.metric}`, r);
  return map;
}

function chart(series, monthList, unit) {
  const width = Math.max(360, 70 * monthList.length + 60);
  const height = 170;
  const top = 16, bottom = 28, left = 8;
  const values = monthList.map((m) => shown(series(m), unit));
  if (values.every((v) => v.value === 0)) {
    return el("p", { class: "definition empty" }, "이 기간에 집계된 것이 없습니다.");
  }
  const max = Math.max(1, ...values.map((v) => v.value || 0));
  const box = svg("svg", { class: "chart", width, height, role: "img" });
  const step = (width - left * 2) / monthList.length;
  monthList.forEach((m, i) => {
    const v = values[i];
    const x = left + i * step + step * 0.2;
    const w = step * 0.6;
    const label = svg("text", { x: x + w / 2, y: height - 10, "text-anchor": "middle" });
    label.textContent = m.slice(2).replace("-", ".");
    box.append(label);
    const valueText = svg("text", { "text-anchor": "middle", x: x + w / 2 });
    valueText.textContent = v.text;
    if (v.value) {
      const h = ((height - top - bottom) * v.value) / max;
      box.append(svg("rect", { class: "bar", x, y: height - bottom - h, width: w, height: h }));
      valueText.setAttribute("y", height - bottom - h - 4);
    } else {
      valueText.setAttribute("y", height - bottom - 4);
    }
    box.append(valueText);
  });
  return box;
}

// The lookups of one answer by place: nation, region or center, then the
// month and what is asked ("kind|key|month|metric").
function byPlace(nation, regions, centers) {
  const maps = {
    nation: index(nation, () => ""),
    region: index(regions, (r) => r.region),
    center: index(centers, (r) => r.center_id),
  };
  return (kind, key, month, metric) => maps[kind].get(`${key}|${month}|${metric}`);
}

// The scope asked about, as the place its chart follows.
function scopePlace(scope) {
  if (scope.kind === "national") return ["nation", ""];
  if (scope.kind === "region") return ["region", scope.region];
  return ["center", scope.center_id];
}

// The table by place: the nation (for a national viewer), each region and
// its centers, a cell per month; cell(row) gives { text, hidden }.
function placeTable(data, monthList, get, cell) {
  const head = el("tr", {}, el("th", {}, "구분"), ...monthList.map((m) => el("th", {}, m)));
  const body = el("tbody");
  const row = (cls, name, kind, key) => {
    const tr = el("tr", { class: cls });
    tr.append(el("td", {}, name));
    for (const m of monthList) {
      const v = cell(get(kind, key, m));
      tr.append(el("td", v.hidden ? { class: "hidden" } : {}, v.text));
    }
    body.append(tr);
  };
  const regions = [...new Set(data.centers.map((c) => c.region))].sort();
  if (data.scope.kind === "national") row("nation", "전국", "nation", "");
  for (const region of regions) {
    if (data.scope.kind !== "center") row("region", region, "region", region);
    for (const c of data.centers.filter((c) => c.region === region)) {
      row("center", `\u00a0\u00a0${c.name}`, "center", c.center_id);
    }
  }
  return el("table", {}, el("thead", {}, head), body);
}

function render(data, from, to) {
  const monthList = months(from, to);
  const result = $("result");
  result.replaceChildren();
  const lookup = byPlace(data.national, data.regions, data.counts);
  const [kind, key] = scopePlace(data.scope);
  for (const [metric, label, definition, unit] of METRICS) {
    const section = el("section", { class: "metric", "data-metric": metric },
      el("h2", {}, label), el("p", { class: "definition" }, definition));
    const get = (k, place, m) => lookup(k, place, m, metric);
    section.append(chart((m) => get(kind, key, m), monthList, unit));
    section.append(placeTable(data, monthList, get, (c) => shown(c, unit)));
    result.append(section);
  }
  result.dataset.state = "ready";
}

const UNITS = { people: "명", firms: "곳", cases: "건", minutes: "분", percent: "%", days: "일", won: "원" };

// A figure's cell as shown: "83.3%", or why it is hidden.
function figureText(c, info) {
  // No row: no units. A count is 0; a rate or a median has no value.
  if (!c) {
    const counted = ["people", "firms", "cases"].includes(info.unit);
    return counted ? { text: "0", value: 0, hidden: false } : { text: "—", value: null, hidden: false };
  }
  if (c.n === null || c.n === undefined) {
    const text = c.hidden === "small" ? `5${info.n_unit} 미만` : "비공개";
    return { text, value: null, hidden: true };
  }
  if (c.value === null || c.value === undefined) return { text: "—", value: null, hidden: false };
  const digits = info.unit === "percent" ? 1 : 0;
  const value = c.value.toLocaleString("ko-KR", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return { text: `${value}${UNITS[info.unit] || ""}`, value: c.value, hidden: false };
}

// The figures section: one figure at a time, chosen from the list.
function renderFigures(data, from, to) {
  const monthList = months(from, to);
  const box = $("figures");
  const chosen = $("figure").value || (data.figures[0] && data.figures[0].id);
  const select = $("figure");
  if (select.options.length === 0) {
    for (const f of data.figures) select.append(el("option", { value: f.id }, `${f.side} · ${f.label_ko}`));
  }
  select.value = chosen;
  const info = data.figures.find((f) => f.id === chosen);
  box.replaceChildren();
  if (!info) return;
  const figure = (rows) => rows.map((c) => ({ ...c, metric: c.figure }));
  const lookup = byPlace(figure(data.national), figure(data.regions), figure(data.by_center));
  const get = (k, place, m) => lookup(k, place, m, chosen);
  const [kind, key] = scopePlace(data.scope);
  const series = (m) => get(kind, key, m);
  const section = el("section", { class: "metric", "data-figure": chosen },
    el("h2", {}, info.label_ko), el("p", { class: "definition" }, info.definition_ko));
  const values = monthList.map((m) => figureText(series(m), info));
  const asCounts = (m) => {
    const v = figureText(series(m), info);
    return v.hidden ? { count: null, hidden: series(m).hidden } : { count: v.value === null ? 0 : v.value };
  };
  if (values.some((v) => v.value)) section.append(chart(asCounts, monthList, info.n_unit));
  // A count is its n; a rate, a median or a sum says what it rests on.
  const counted = ["people", "firms", "cases"].includes(info.unit);
  const cell = (c) => {
    const v = figureText(c, info);
    const n = c && c.n !== null && c.n !== undefined && !v.hidden && !counted ? ` (${c.n.toLocaleString("ko-KR")}${info.n_unit})` : "";
    return { text: `${v.text}${n}`, hidden: v.hidden };
  };
  section.append(placeTable(data, monthList, get, cell));
  box.append(section);
}

function scopeText(scope) {
  if (scope.kind === "national") return "전국";
  if (scope.kind === "region") return `지역: ${scope.region}`;
  return "한 센터";
}

// One answer of the server with the viewer's token; a refusal throws with
// the server's own words, and a refused token is forgotten.
async function ask(path, token) {
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${token}` },
    cache: "no-store",
    credentials: "omit",
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
  if (!response.ok) {
    const details = (body.details || []).join(" ");
    throw new Error(`${body.message || `서버가 ${response.status}로 답했습니다.`} ${details}`.trim());
  }
  return body;
}

async function show(event) {
  if (event) event.preventDefault();
  const token = $("token").value.trim();
  if (!token.startsWith("doyak_vt1_")) {
    $("status").className = "error";
    $("status").textContent = "열람 토큰(doyak_vt1_…)을 넣어 주세요. 기기의 동기화 토큰은 여기에 쓰지 않습니다.";
    return;
  }
  const from = $("from").value.trim();
  const to = $("to").value.trim();
  const status = $("status");
  const result = $("result");
  status.className = "";
  status.textContent = "불러오는 중…";
  result.dataset.state = "loading";
  result.dataset.figures = "loading";
  try {
    const query = new URLSearchParams({ from, to });
    const body = await ask(`/stats/counts?${query}`, token);
    sessionStorage.setItem(TOKEN_KEY, token);
    render(body, from, to);
    figuresFor = null;
    $("figures-part").hidden = false;
    $("figures").replaceChildren(el("p", { class: "definition" }, "성과 지표를 계산하는 중…"));
    const figures = await ask(`/stats/figures?${query}`, token);
    figuresFor = { data: figures, from, to };
    renderFigures(figures, from, to);
    result.dataset.figures = "ready";
    status.textContent = `${scopeText(body.scope)} · ${from} ~ ${to} · 센터 ${body.centers.length}곳`;
  } catch (e) {
    result.dataset.state = result.dataset.state === "ready" ? "ready" : "error";
    result.dataset.figures = "error";
    if (result.dataset.state === "error") result.replaceChildren();
    status.className = "error";
    status.textContent = e instanceof TypeError ? "서버에 연결할 수 없습니다." : e.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const [from, to] = defaultPeriod();
  $("from").value = from;
  $("to").value = to;
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $("token").value = saved;
  $("ask").addEventListener("submit", show);
  $("figure").addEventListener("change", () => {
    if (figuresFor) renderFigures(figuresFor.data, figuresFor.from, figuresFor.to);
  });
  $("forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $("token").value = "";
    $("result").replaceChildren();
    $("result").dataset.state = "empty";
    $("figures").replaceChildren();
    $("figures-part").hidden = true;
    figuresFor = null;
    $("status").textContent = "토큰을 지웠습니다.";
  });
  if (saved) show();
});
