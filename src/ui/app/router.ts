// Hash routes (#/article/3?focus=0-73): the server serves one page, and every view has an
// address a user can bookmark or paste, with no server-side routing.
import { useEffect, useState } from "preact/hooks";

export interface Route {
  /** "/article/3" */
  readonly path: string;
  /** Path segments: ["article", "3"]. */
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path = "/", search = ""] = hash.split("?", 2);
  return { path, parts: path.split("/").filter(Boolean), query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

/** "#/path?a=1" from a path and parameters; empty values are left out. */
export function href(path: string, params: Readonly<Record<string, string | number | null | undefined>> | URLSearchParams = {}): string {
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  const search = query.toString();
  return `#${path}${search ? `?${search}` : ""}`;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, "");
}
