// Fetching from the API: one hook, which says plainly when a request failed and why.
import { useEffect, useState } from "preact/hooks";

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, signal ? { signal } : {});
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
  if (body === null) throw new Error(`${url} did not answer JSON`);
  return body;
}

/** Loads `url` (null: nothing to load) and reloads when it changes. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    getJson<T>(url, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => {
        if (error.name !== "AbortError") setState({ data: null, error: error.message, loading: false });
      },
    );
    return () => controller.abort();
  }, [url]);
  return state;
}

/** "/api/events?actor=Noem" from a path and parameters, leaving out empty ones. */
export function apiUrl(path: string, params: Readonly<Record<string, string | number | null | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
