// Search-as-you-type sends a request per keystroke; answers can come back out
// of order. `latestOnly` drops every answer but the one to the newest request.

export function latestOnly<A extends unknown[], T>(
  fn: (...args: A) => Promise<T>,
): (...args: A) => Promise<{ stale: false; value: T } | { stale: true }> {
  let newest = 0;
  return async (...args: A) => {
    const ticket = ++newest;
    const value = await fn(...args);
    return ticket === newest ? { stale: false, value } : { stale: true };
  };
}
