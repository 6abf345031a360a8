import { Link } from "@/components/ui/link";
import { formatDateFr } from "@/lib/format";
import type { DocumentListItem } from "@/lib/documents/queries";
import { documentPath } from "@/lib/documents/paths";

/** Marks shown beside a title, in words (never colour alone), outside the link so its name stays the title. */
function DocumentMarks({ document }: { document: DocumentListItem }) {
  const marks = [document.isPinned ? "Épinglé" : null, document.isHiddenFromProfessionals ? "Masqué aux professionnels" : null].filter(
    (mark): mark is string => mark !== null,
  );
  if (marks.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="État du document">
      {marks.map((mark) => (
        <li key={mark} className="rounded border border-slate-500 bg-slate-50 px-2 py-0.5 text-sm font-semibold text-slate-900">
          {mark}
        </li>
      ))}
    </ul>
  );
}

/** The documents of a list, each a link named by its title, with its date, category and author. */
export function DocumentList({ documents, labelledBy }: { documents: DocumentListItem[]; labelledBy?: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-4 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
      {documents.map((document) => (
        <li key={document.id} className="p-4">
          <Link href={documentPath(document.id)} className="text-lg font-semibold break-words text-brand-700 underline">
            {document.title}
          </Link>
          <p className="mt-1 text-slate-700">
            <span>{formatDateFr(document.documentDate)}</span>
            <span aria-hidden="true"> · </span>
            <span>{document.categoryLabel}</span>
            <span aria-hidden="true"> · </span>
            <span>Ajouté par {document.authorName}</span>
          </p>
          <DocumentMarks document={document} />
        </li>
      ))}
    </ul>
  );
}
