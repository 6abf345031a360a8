import type { Metadata } from "next";
import Form from "next/form";
import { redirect } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { requireActor } from "@/lib/access/current-actor";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Merci !" };

export default async function QuestionnaireDonePage() {
  const actor = await requireActor();
  if (!actor.subject.hasCompletedQuestionnaire) redirect("/questionnaire");
  return (
    <>
      <PageTitle>Merci !</PageTitle>
      <p className="mt-4 text-lg">Merci d&apos;avoir complété ces informations. Vous pourrez les retrouver dans votre profil.</p>
      {/* A button, as people (and their tools) expect it here; a GET form makes it work without JavaScript. */}
      <Form action="/accueil" className="mt-8">
        <button type="submit" className={buttonClassName()}>
          Accéder à Mon espace santé
        </button>
      </Form>
    </>
  );
}
