// A list's search field and its rows: Enter opens the first row (the best
// match: lists are in name or newest order), ↓ moves into the rows.

/** Handles Enter and ↓ in a list's search field. `opener` selects the button
 * that opens a row, e.g. "#seeker-rows .row-link"; `current` says the rows
 * shown answer the text typed now (not still the previous text: Enter must
 * never open somebody the counselor did not search for). */
export function listSearchKey(e: KeyboardEvent, opener: string, current: boolean) {
  if (e.key !== "Enter" && e.key !== "ArrowDown") return;
  if (e.isComposing) return; // Enter that ends a 한글 composition is not a command
  const first = document.querySelector<HTMLButtonElement>(opener);
  if (!first || !current) return;
  e.preventDefault();
  if (e.key === "Enter") first.click();
  else first.focus();
}
