import { Link } from "@/components/ui/link";

/**
 * « Page précédente » / « Page suivante » under a list of several pages, in a navigation landmark
 * named after the list. Nothing for a list of one page.
 */
export function PageLinks({ label, page, pageCount, hrefOf }: { label: string; page: number; pageCount: number; hrefOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className="text-brand-700 underline">
          <span aria-hidden="true">← </span>Page précédente
        </Link>
      ) : (
        <span />
      )}
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className="text-brand-700 underline">
          Page suivante<span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
