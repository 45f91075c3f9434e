// Reading out a match: how the page words the figures the desk sends.
// Which 알선 statuses a row may take comes with the row (`next_statuses`).

/** "87점" — a match score, rounded to whole points for reading out. */
export function scoreLabel(score: number): string {
  return `${Math.round(score)}점`;
}
