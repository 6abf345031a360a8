import { Alert } from "@/components/ui/alert";

/** The service books nothing (reference mes-data-model §4.1): said at the top of the agenda. */
export function AgendaBanner() {
  return (
    <Alert variant="info">
      <strong>Mon espace santé n&apos;est pas un outil de prise de rendez-vous</strong>, assurez-vous d&apos;avoir bien pris rendez-vous avec votre
      professionnel de santé.
    </Alert>
  );
}
