/** 이전/다음 for a paged list. `total` unknown (still loading) disables 다음. */
export function Pager(props: { offset: number; page: number; total: number | null; onMove: (offset: number) => void }) {
  const { offset, page, total, onMove } = props;
  return (
    <nav class="pager" aria-label="쪽 이동">
      <button id="pager-prev" class="btn" disabled={offset === 0} onClick={() => onMove(Math.max(0, offset - page))}>
        이전
      </button>
      <button id="pager-next" class="btn" disabled={total === null || offset + page >= total} onClick={() => onMove(offset + page)}>
        다음
      </button>
    </nav>
  );
}
