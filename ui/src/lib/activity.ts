/** Calls `send` for the first input and then at most once per `everyMs`:
 * the desk needs to know someone is there, not every key. `now` is the
 * clock (injected by the tests). */
export function activityReporter(send: () => void, everyMs: number, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < everyMs) return;
    last = t;
    send();
  };
}
