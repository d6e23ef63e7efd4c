// The shell: a header with the views, and the view the address names.
import type { Health } from "../../api/types.js";
import { useApi } from "./api.js";
import { Notice } from "./components/Notice.js";
import { ActorsList, ActorView } from "./views/ActorView.js";
import { ArticleReader } from "./views/ArticleReader.js";
import { Articles } from "./views/Articles.js";
import { DyadView } from "./views/DyadView.js";
import { EventView } from "./views/EventView.js";
import { Home } from "./views/Home.js";
import { MapView } from "./views/MapView.js";
import { NetworkView } from "./views/NetworkView.js";
import { href, navigate, useRoute, type Route } from "./router.js";

const NAV: readonly { readonly path: string; readonly label: string; readonly match: readonly string[] }[] = [
  { path: "/", label: "Events", match: ["", "event"] },
  { path: "/articles", label: "Articles", match: ["articles", "article"] },
  { path: "/actors", label: "Actors", match: ["actors", "actor"] },
  { path: "/dyad", label: "Dyads", match: ["dyad"] },
  { path: "/map", label: "Map", match: ["map"] },
  { path: "/network", label: "Network", match: ["network"] },
];

function idOf(route: Route): number | null {
  const id = Number(route.parts[1]);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function View({ route }: { readonly route: Route }) {
  const [first = ""] = route.parts;
  const id = idOf(route);
  switch (first) {
    case "":
      return <Home route={route} />;
    case "articles":
      return <Articles q={route.query.get("q")} offset={Number(route.query.get("offset") ?? 0) || 0} />;
    case "article":
      return id ? <ArticleReader key={id} id={id} focusParam={route.query.get("focus")} /> : <Notice kind="error">No article id in the address.</Notice>;
    case "event":
      return id ? <EventView key={id} id={id} /> : <Notice kind="error">No event id in the address.</Notice>;
    case "actors":
      return <ActorsList q={route.query.get("q")} />;
    case "actor":
      return id ? <ActorView key={id} id={id} /> : <Notice kind="error">No actor id in the address.</Notice>;
    case "dyad":
      return <DyadView route={route} />;
    case "map":
      return <MapView metric={route.query.get("metric") === "located" ? "located" : "involved"} />;
    case "network":
      return <NetworkView />;
    default:
      return <Notice kind="error">There is no page at “{route.path}”.</Notice>;
  }
}

export function App() {
  const route = useRoute();
  const health = useApi<Health>("/api/health");
  const first = route.parts[0] ?? "";
  return (
    <>
      <header class="top">
        <a class="brand" href={href("/")}>
          <img src="/favicon.svg" alt="" width={22} height={22} /> newsgraph
        </a>
        <nav>
          {NAV.map((item) => (
            <a key={item.path} href={href(item.path)} class={item.match.includes(first) ? "on" : ""}>
              {item.label}
            </a>
          ))}
        </nav>
        <form
          class="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get("q");
            if (typeof value === "string" && value.trim()) navigate(href("/actors", { q: value.trim() }));
          }}
        >
          <input name="q" type="search" placeholder="Find an actor…" aria-label="Find an actor" />
        </form>
      </header>
      <main>
        {health.error && <Notice kind="error">The API does not answer: {health.error}</Notice>}
        <View route={route} />
      </main>
      <footer class="foot muted small">
        {health.data && (
          <>
            Store: {health.data.articles} articles · {health.data.events} events · {health.data.actors} actors · {health.data.quotes} quotes · pipeline {health.data.pipeline}
            {health.data.ingest ? " · ingest open (token)" : " · read-only"} ·{" "}
          </>
        )}
        <a href="/openapi.json">API (OpenAPI)</a>
      </footer>
    </>
  );
}
