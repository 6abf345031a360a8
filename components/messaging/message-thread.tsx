import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { formatDateTimeFr } from "@/lib/format";

export type ThreadAttachment = { id: string; fileName: string; byteSize: number; savedDocumentId?: string | null };

export type ThreadMessage = { id: string; senderName: string; body: string; sentAt: Date; attachments?: ThreadAttachment[] };

/** "1,2 Mo", "340 ko": a size as a French reader expects it. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
}

type MessageThreadProps = {
  messages: ThreadMessage[];
  /** Where an attachment's bytes are (its preview; `?telechargement=1` downloads). */
  attachmentHref?: (attachmentId: string) => string;
  /** What else an attachment offers (the patient's « Ajouter à mes documents »). */
  attachmentActions?: (attachment: ThreadAttachment, message: ThreadMessage) => ReactNode;
};

/** The messages of one conversation, oldest first; the text keeps its paragraphs and line breaks; attachments under each. */
export function MessageThread({ messages, attachmentHref, attachmentActions }: MessageThreadProps) {
  return (
    <ol className="mt-6 space-y-6">
      {messages.map((message) => (
        <li key={message.id}>
          <article aria-label={`Message de ${message.senderName}`} className="rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-6">
            <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 pb-3">
              <p className="font-bold text-slate-900">{message.senderName}</p>
              <p className="text-sm text-slate-700">
                <time dateTime={message.sentAt.toISOString()}>{formatDateTimeFr(message.sentAt)}</time>
              </p>
            </header>
            <div className="mt-4 space-y-4 whitespace-pre-line break-words">
              {message.body.split(/\n{2,}/).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
            {message.attachments && message.attachments.length > 0 && attachmentHref ? (
              <section aria-label="Pièces jointes" className="mt-4 border-t border-slate-200 pt-3">
                <h3 className="font-semibold text-slate-900">Pièces jointes</h3>
                <ul className="mt-2 space-y-4">
                  {message.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <p className="break-all">
                        <Link href={attachmentHref(attachment.id)} prefetch={false} className="font-semibold text-brand-700 underline">
                          {attachment.fileName}
                        </Link>{" "}
                        <span className="text-sm text-slate-700">({formatSize(attachment.byteSize)})</span>{" "}
                        <Link
                          href={`${attachmentHref(attachment.id)}?telechargement=1`}
                          prefetch={false}
                          className="text-sm text-brand-700 underline"
                          aria-label={`Télécharger ${attachment.fileName}`}
                        >
                          Télécharger
                        </Link>
                      </p>
                      {attachmentActions ? attachmentActions(attachment, message) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
