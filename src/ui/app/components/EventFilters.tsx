// The event filters, kept in the page address so a filtered view can be shared.
import type { Facets } from "../../../api/types.js";
import { CAMEO_ROOTS } from "../cameo.js";

export const FILTER_KEYS = ["actor", "country", "code", "plover", "status", "from", "to", "q", "location", "place", "dyad", "actorId", "article"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Filters set by a click elsewhere (the map, a dyad, an actor, an article) that have no field in the form: shown as chips. */
const CLICKED_FILTERS: readonly (readonly [FilterKey, string])[] = [
  ["location", "happened in"],
  ["place", "place"],
  ["dyad", "between"],
  ["actorId", "actor id"],
  ["article", "article"],
];

export function filtersFrom(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function EventFilters({ filters, facets, onChange }: { readonly filters: Filters; readonly facets: Facets | null; readonly onChange: (filters: Filters) => void }) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = form.get(key);
      if (typeof value === "string" && value.trim()) next[key] = value.trim();
      else if (!form.has(key) && filters[key]) next[key] = filters[key];
    }
    onChange(next);
  };
  return (
    // The fields are the browser's own (default values, not controlled), so a list that loads while the user types
    // does not reset what they typed; the form is built anew when the filters in the address change.
    <form key={JSON.stringify(filters)} class="filters" onSubmit={submit} aria-label="Event filters">
      <label>
        Actor
        <input name="actor" defaultValue={filters.actor ?? ""} placeholder="Kristi Noem" />
      </label>
      <label>
        Country
        <input name="country" defaultValue={filters.country ?? ""} placeholder="COL" maxLength={3} size={4} list="countries" />
        <datalist id="countries">{facets?.countries.map((c) => <option key={c.value} value={c.value} />)}</datalist>
      </label>
      <Choice label="CAMEO" name="code" value={filters.code} options={[...Object.entries(CAMEO_ROOTS).map(([code, name]) => [code, `${code} ${name}`] as const), ...(filters.code && !CAMEO_ROOTS[filters.code] ? [[filters.code, filters.code] as const] : [])]} />
      <Choice label="PLOVER" name="plover" value={filters.plover} options={(facets?.plover ?? []).map((f) => [f.value, `${f.value} (${f.count})`] as const)} />
      <Choice label="Status" name="status" value={filters.status} options={["asserted", "planned", "negated", "hypothetical"].map((s) => [s, s] as const)} />
      <label>
        From
        <input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <label class="grow">
        Text
        <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="words in the evidence" />
      </label>
      {CLICKED_FILTERS.some(([key]) => filters[key]) && (
        <p class="active-filters">
          {CLICKED_FILTERS.filter(([key]) => filters[key]).map(([key, label]) => (
            <span class="chip" key={key} data-filter={key}>
              {label} {filters[key]}{" "}
              <a
                href="#"
                aria-label={`Remove the filter ${label} ${filters[key]}`}
                onClick={(event) => {
                  event.preventDefault();
                  const { [key]: _removed, ...rest } = filters;
                  onChange(rest);
                }}
              >
                ×
              </a>
            </span>
          ))}
        </p>
      )}
      <div class="buttons">
        <button type="submit">Filter</button>
        <button type="button" class="secondary" onClick={() => onChange({})}>
          Clear
        </button>
      </div>
    </form>
  );
}

/** A drop-down field with "any" first; the filter's value is selected when the form is built, not held afterwards. */
function Choice({ label, name, value, options }: { readonly label: string; readonly name: string; readonly value: string | undefined; readonly options: readonly (readonly [value: string, text: string])[] }) {
  return (
    <label>
      {label}
      <select name={name}>
        <option value="" selected={!value}>
          any
        </option>
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={value === v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
