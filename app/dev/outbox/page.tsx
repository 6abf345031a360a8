import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { LettersTable, MessageItem } from "@/components/dev/outbox-items";
import { listOutboxLetters, listOutboxMessages } from "@/lib/delivery/outbox";
import { isOutboxEnabled } from "@/lib/env";
import { PageTitle } from "@/components/ui/page-title";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Boîte d'envoi locale",
  robots: { index: false, follow: false },
};

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
