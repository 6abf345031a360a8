import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { type OutboxLetter, type OutboxMessage, listOutboxLetters, listOutboxMessages } from "@/lib/delivery/outbox";
import { isOutboxEnabled } from "@/lib/env";
import { formatDateTimeFr, formatMobileFr } from "@/lib/format";
import { PageTitle } from "@/components/ui/page-title";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Boîte d'envoi locale",
  robots: { index: false, follow: false },
};

const LETTER_KINDS: Record<string, string> = {
  notification: "Information sur la création de Mon espace santé",
  "provisional-code": "Code provisoire",
};

function recipientLabel(message: OutboxMessage): string {
  return message.channel === "sms" ? formatMobileFr(message.recipient) : message.recipient;
}

function MessageItem({ message }: { message: OutboxMessage }) {
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

function LettersTable({ letters }: { letters: OutboxLetter[] }) {
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

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ destinataire?: string | string[] }>;
}) {
  if (!isOutboxEnabled()) notFound();
  const { destinataire } = await searchParams;
  const recipient = typeof destinataire === "string" ? destinataire.trim().slice(0, 200) : "";
  const messages = await listOutboxMessages({ recipient });
  const letters = await listOutboxLetters({ recipient });

  return (
    <>
      <PageTitle>Boîte d&apos;envoi locale</PageTitle>
      <p className="mt-4">
        Aucun fournisseur d&apos;envoi n&apos;est configuré : les e-mails, SMS et courriers sont conservés ici au lieu
        d&apos;être envoyés. Cette page n&apos;existe qu&apos;en développement et en démonstration.
      </p>

      <form method="get" action="/dev/outbox" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="destinataire" className="font-semibold">
            Destinataire
          </label>
          <span id="destinataire-aide" className="text-sm text-slate-700">
            Adresse e-mail, numéro de mobile ou nom, en tout ou partie
          </span>
          <input
            id="destinataire"
            name="destinataire"
            type="search"
            defaultValue={recipient}
            aria-describedby="destinataire-aide"
            autoComplete="off"
            className="mt-1 w-72 max-w-full rounded border-2 border-slate-500 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900">
          Filtrer
        </button>
        {recipient ? (
          <Link href="/dev/outbox" className="py-2 text-brand-700 underline">
            Afficher tous les messages
          </Link>
        ) : null}
      </form>

      <section aria-labelledby="messages-titre" className="mt-10">
        <h2 id="messages-titre" className="text-2xl font-bold text-brand-900">
          E-mails et SMS ({messages.length})
        </h2>
        {messages.length === 0 ? (
          <p className="mt-4">
            {recipient ? `Aucun message pour « ${recipient} ».` : "Aucun message pour le moment."}
          </p>
        ) : (
          <ol className="mt-4 flex flex-col gap-4" aria-label="Messages, du plus récent au plus ancien">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="courriers-titre" className="mt-10">
        <h2 id="courriers-titre" className="text-2xl font-bold text-brand-900">
          Courriers postaux ({letters.length})
        </h2>
        {letters.length === 0 ? (
          <p className="mt-4">{recipient ? `Aucun courrier pour « ${recipient} ».` : "Aucun courrier pour le moment."}</p>
        ) : (
          <div className="mt-4">
            <LettersTable letters={letters} />
          </div>
        )}
      </section>
    </>
  );
}
