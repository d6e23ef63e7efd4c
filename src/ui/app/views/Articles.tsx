// Articles: newest first, or a full-text search with the matching words in context.
import type { ArticleListItem, Page } from "../../../api/types.js";
import { apiUrl, useApi } from "../api.js";
import { ExportLinks } from "../components/ExportLinks.js";
import { Loading, Notice } from "../components/Notice.js";
import { Pager } from "../components/Pager.js";
import { SearchForm } from "../components/SearchForm.js";
import { href, navigate } from "../router.js";

const PAGE = 50;

/** FTS snippets mark matches with [brackets]; show them as <mark>. */
function Snippet({ text }: { readonly text: string }) {
  return (
    <>
      {text.split(/(\[[^\]]*\])/).map((part, i) => (part.startsWith("[") && part.endsWith("]") ? <mark key={i}>{part.slice(1, -1)}</mark> : part))}
    </>
  );
}

export function Articles({ q, offset }: { readonly q: string | null; readonly offset: number }) {
  const url = apiUrl("/api/articles", { q, limit: PAGE, offset });
  const articles = useApi<Page<ArticleListItem>>(url);
  return (
    <section>
      <h1>Articles</h1>
      <SearchForm path="/articles" label="Search the text" q={q} placeholder='Noem, "border security", tariff*' />
      {articles.error && <Notice kind="error">{articles.error}</Notice>}
      {!articles.data && articles.loading && <Loading />}
      {articles.data && articles.data.total === 0 && <Notice>{q ? `No article matches “${q}”.` : "The store holds no articles yet: run `newsgraph ingest FILES` or `npm start` for the samples."}</Notice>}
      {articles.data && articles.data.items.length > 0 && (
        <>
          <div class="panel-head">
            <span />
            <ExportLinks url={url} />
          </div>
          <ul class="article-list">
            {articles.data.items.map((a) => (
              <li key={a.id}>
                <a href={href(`/article/${a.id}`)} class="title">
                  {a.title ?? `Article ${a.id}`}
                </a>
                <span class="muted small"> {[a.source, a.date, a.datelinePlace].filter(Boolean).join(" · ")}</span>
                {a.snippet && (
                  <p class="snippet">
                    <Snippet text={a.snippet} />
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pager total={articles.data.total} limit={PAGE} offset={offset} noun="article" onPage={(o) => navigate(href("/articles", { q, offset: o || null }))} />
        </>
      )}
    </section>
  );
}
