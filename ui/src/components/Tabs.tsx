// The tab bar of a record page (KRDS tabs, WAI-ARIA tab pattern): the active
// tab is the only one in the tab order; ←/→ move between tabs.

import type { Fact } from "../bindings";

export interface TabSpec<T extends string> {
  tab: T;
  label: string;
}

export function Tabs<T extends string>(props: { label: string; tabs: ReadonlyArray<TabSpec<T>>; current: T; onChange: (tab: T) => void }) {
  const { tabs, current } = props;
  return (
    <div role="tablist" class="tabs" aria-label={props.label}>
      {tabs.map((t) => (
        <button
          role="tab"
          id={`tab-${t.tab}`}
          aria-selected={current === t.tab}
          aria-controls={`panel-${t.tab}`}
          tabIndex={current === t.tab ? 0 : -1}
          class={current === t.tab ? "tab active" : "tab"}
          onClick={() => props.onChange(t.tab)}
          onKeyDown={(e) => {
            const i = tabs.findIndex((x) => x.tab === current);
            const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
            if (next !== null) {
              const target = tabs[(next + tabs.length) % tabs.length]!;
              props.onChange(target.tab);
              document.getElementById(`tab-${target.tab}`)?.focus();
            }
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A record's facts as a definition list. */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl class="facts">
      {facts.map((f) => (
        <div>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
