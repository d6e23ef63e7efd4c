import { plural } from "../format.js";

export function Pager({ total, limit, offset, onPage, noun }: { readonly total: number; readonly limit: number; readonly offset: number; readonly onPage: (offset: number) => void; readonly noun: string }) {
  if (total <= limit) return <p class="muted count">{plural(total, noun)}</p>;
  return (
    <p class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Newer
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} of {plural(total, noun)}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        Older →
      </button>
    </p>
  );
}
