import { Link } from "@/components/ui/link";
import { formatDateFr, formatDateTimeFr, formatTimeFr } from "@/lib/format";

export type ConversationListItem = {
  id: string;
  subject: string;
  counterpartName: string;
  lastMessageAt: Date;
  unreadCount: number;
};

/** Today's messages show their time, older ones their date, as a mailbox does. */
function shortWhen(instant: Date, now: Date): string {
  return formatDateFr(instant) === formatDateFr(now) ? formatTimeFr(instant) : formatDateFr(instant);
}

/**
 * The person's conversations. An unread one is in bold and says "Non lu" in words, so that the
 * state does not rest on the weight of the text alone.
 */
export function ConversationList({ conversations, now }: { conversations: ConversationListItem[]; now: Date }) {
  if (conversations.length === 0) {
    return <p className="mt-3 text-slate-700">Vous n&apos;avez pas encore de message.</p>;
  }
  return (
    <ul className="mt-3 divide-y divide-slate-200 rounded-lg border-2 border-slate-300 bg-white">
      {conversations.map((conversation) => {
        const isUnread = conversation.unreadCount > 0;
        return (
          <li key={conversation.id} className={`relative p-4 hover:bg-brand-50 ${isUnread ? "bg-brand-50" : ""}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <p className={isUnread ? "font-bold text-slate-900" : "text-slate-900"}>{conversation.counterpartName}</p>
              <p className="flex items-center gap-2 text-sm text-slate-700">
                {isUnread ? (
                  <span className="rounded-full bg-danger-700 px-2 py-0.5 text-xs font-bold uppercase text-white">Non lu</span>
                ) : null}
                <time dateTime={conversation.lastMessageAt.toISOString()} title={formatDateTimeFr(conversation.lastMessageAt)}>
                  {shortWhen(conversation.lastMessageAt, now)}
                </time>
              </p>
            </div>
            {/* prefetch off: opening a conversation marks it read, which only a real visit may do. */}
            <Link
              href={`/messagerie/${conversation.id}`}
              prefetch={false}
              className={`mt-1 block text-brand-700 underline-offset-4 after:absolute after:inset-0 after:content-[''] hover:underline ${isUnread ? "font-bold" : ""}`}
            >
              {conversation.subject}
              {isUnread ? <span className="sr-only"> (non lu)</span> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
