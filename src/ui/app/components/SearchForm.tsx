import { href, navigate } from "../router.js";

/** One search box that navigates to `path` with `?q=`: the articles' full-text search, the actors' name search. */
export function SearchForm({ path, label, q, placeholder }: { readonly path: string; readonly label: string; readonly q: string | null; readonly placeholder: string }) {
  return (
    <form
      class="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get("q");
        navigate(href(path, { q: typeof value === "string" ? value.trim() : "" }));
      }}
    >
      <label class="grow">
        {label}
        {/* not controlled: results arriving while the user types must not reset the box; a new q builds it anew */}
        <input key={q ?? ""} name="q" type="search" defaultValue={q ?? ""} placeholder={placeholder} />
      </label>
      <div class="buttons">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
