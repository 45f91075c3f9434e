// One queue for calls that must reach the desk in the order they were made.
//
// The desk's commands are async: two calls sent back to back may finish in
// either order. A session-note draft is saved while typing and once more when
// the editor goes; if the older save finished last it would overwrite the
// newer text, and a page opened right after could read the draft before the
// last save landed. Every draft call goes through one queue instead.

export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/** A queue: each task starts only after every earlier one has settled. */
export function serial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // A failed task does not stop the ones after it.
    tail = run.catch(() => undefined);
    return run;
  };
}
