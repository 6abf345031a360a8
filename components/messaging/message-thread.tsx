import { formatDateTimeFr } from "@/lib/format";

export type ThreadMessage = { id: string; senderName: string; body: string; sentAt: Date };

/** The messages of one conversation, oldest first; the text keeps its paragraphs and line breaks. */
export function MessageThread({ messages }: { messages: ThreadMessage[] }) {
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
          </article>
        </li>
      ))}
    </ol>
  );
}
