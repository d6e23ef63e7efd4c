import type { ComponentChildren } from "preact";

/** A plain statement of what the store does not hold (yet), or of what went wrong. */
export function Notice({ kind = "empty", children }: { readonly kind?: "empty" | "error" | "loading"; readonly children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function Loading() {
  return <Notice kind="loading">Loading…</Notice>;
}
