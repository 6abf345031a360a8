import type { OutboxLetter, OutboxMessage } from "@/lib/delivery/outbox";
import { formatDateTimeFr, formatMobileFr } from "@/lib/format";

/** The local outbox's entries (app/dev/outbox): one e-mail or SMS, and the table of postal letters. */

const LETTER_KINDS: Record<string, string> = {
  notification: "Information sur la création de Mon espace santé",
  "provisional-code": "Code provisoire",
};

function recipientLabel(message: OutboxMessage): string {
  return message.channel === "sms" ? formatMobileFr(message.recipient) : message.recipient;
}

export function MessageItem({ message }: { message: OutboxMessage }) {
  const headingId = `message-${message.id}`;
  const channel = message.channel === "email" ? "E-mail" : "SMS";
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded border border-slate-300 p-4">
        <h3 id={headingId} className="text-lg font-semibold text-brand-900">
          {channel}
          {message.subject ? ` : ${message.subject}` : ""}
        </h3>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Destinataire</dt>
          <dd className="break-all">{recipientLabel(message)}</dd>
          <dt className="font-semibold">Modèle</dt>
          <dd>{message.template}</dd>
          <dt className="font-semibold">Date</dt>
          <dd>
            <time dateTime={message.createdAt.toISOString()}>{formatDateTimeFr(message.createdAt)}</time>
          </dd>
          {message.attachmentNames.length > 0 ? (
            <>
              <dt className="font-semibold">Pièces jointes</dt>
              <dd>{message.attachmentNames.join(", ")}</dd>
            </>
          ) : null}
        </dl>
        <h4 className="sr-only">Texte du message</h4>
        <pre
          className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-100 p-3 font-mono text-sm text-slate-900"
        >
          {message.textBody ?? ""}
        </pre>
      </article>
    </li>
  );
}

export function LettersTable({ letters }: { letters: OutboxLetter[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Courriers postaux, du plus récent au plus ancien</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Destinataire
            </th>
            <th scope="col" className="py-2 pr-4">
              Adresse
            </th>
            <th scope="col" className="py-2 pr-4">
              Courrier
            </th>
            <th scope="col" className="py-2 pr-4">
              Date
            </th>
            <th scope="col" className="py-2">
              PDF
            </th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => {
            const kind = LETTER_KINDS[letter.kind] ?? letter.kind;
            const date = formatDateTimeFr(letter.createdAt);
            return (
              <tr key={letter.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  {letter.personName}
                </th>
                <td className="whitespace-pre-line py-2 pr-4">{letter.postalAddress}</td>
                <td className="py-2 pr-4">{kind}</td>
                <td className="py-2 pr-4">
                  <time dateTime={letter.createdAt.toISOString()}>{date}</time>
                </td>
                <td className="py-2">
                  <a className="text-brand-700 underline" href={`/dev/outbox/courriers/${letter.id}`}>
                    Ouvrir<span className="sr-only">{` le courrier « ${kind} » de ${letter.personName} du ${date}`}</span>{" "}
                    (PDF)
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
