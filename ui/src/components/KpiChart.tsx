import { useEffect, useRef } from "preact/hooks";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** One line of a chart: its label, colour and a value per x (null = none). */
export interface Series {
  label: string;
  color: string;
  values: (number | null)[];
}

/** The axes are drawn on the canvas, in the desk's font (uPlot's default is
 * system-ui, which may have no Korean). */
const AXIS_FONT = '12px "Pretendard GOV", sans-serif';

function options(props: { xLabels: string[]; series: Series[]; unit: string }, width: number): uPlot.Options {
  return {
    width: Math.max(320, width || 640),
    height: 220,
    scales: { x: { time: false } },
    axes: [
      // A label on whole positions only: uPlot also ticks halfway.
      { font: AXIS_FONT, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (props.xLabels[t] ?? "") : "")) },
      { font: AXIS_FONT, values: (_u, ticks) => ticks.map((t) => `${t.toLocaleString("ko-KR")}${props.unit}`) },
    ],
    series: [
      { label: "구분", value: (_u, v) => (v === null ? "" : (props.xLabels[Math.round(v)] ?? "")) },
      ...props.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true } })),
    ],
  };
}

/** A line chart (uPlot) of a few series over labelled x positions, with a
 * table of the same numbers under it for screen readers and for print
 * when a canvas cannot be drawn. */
export function KpiChart(props: { id: string; title: string; xLabels: string[]; series: Series[]; unit: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || props.xLabels.length === 0) return;
    let chart: uPlot | null = null;
    let gone = false;
    // Loaded when first drawn, and apart: the library reads the page's
    // locale when it loads, and a locale it cannot use (a bare "C" session)
    // throws there. The table below still carries every number.
    import("uplot").then(
      ({ default: UPlot }) => {
        if (gone) return;
        try {
          chart = new UPlot(options(props, el.clientWidth), [props.xLabels.map((_, i) => i), ...props.series.map((s) => s.values)] as uPlot.AlignedData, el);
        } catch {
          chart = null;
        }
      },
      () => undefined,
    );
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [props.xLabels.join(","), props.series.map((s) => `${s.label}:${s.values.join(",")}`).join(";")]);
  return (
    <figure class="kpi-chart" id={props.id} aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <div ref={box} class="kpi-chart-canvas" aria-hidden="true" />
      <table class="kpi-chart-table">
        <thead>
          <tr>
            <th scope="col">구분</th>
            {props.series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.xLabels.map((x, i) => (
            <tr key={x}>
              <th scope="row">{x}</th>
              {props.series.map((s) => (
                <td key={s.label}>{s.values[i] === null ? "—" : `${(s.values[i] as number).toLocaleString("ko-KR")}${props.unit}`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
