import type { ComponentProps } from "react";

/** The one h1 of every page, the same size and colour everywhere. */
export function PageTitle({ className, ...props }: ComponentProps<"h1">) {
  return <h1 className={["text-2xl font-bold text-brand-900 sm:text-3xl", className].filter(Boolean).join(" ")} {...props} />;
}
