/** Download links for the rows a view shows (all pages, up to the export bound), as the API exports them. */
export function ExportLinks({ url, paged = true }: { readonly url: string; readonly paged?: boolean }) {
  const link = (format: "csv" | "jsonl") => {
    const target = new URL(url, window.location.origin);
    target.searchParams.delete("offset");
    if (paged) target.searchParams.set("limit", "10000");
    target.searchParams.set("format", format);
    return `${target.pathname}${target.search}`;
  };
  return (
    <span class="exports">
      Export:{" "}
      <a href={link("csv")} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={link("jsonl")} download>
        JSONL
      </a>
    </span>
  );
}
