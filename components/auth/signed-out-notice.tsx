import { Alert } from "@/components/ui/alert";

const messages: Record<string, string> = {
  ok: "Vous êtes déconnecté de Mon espace santé.",
  partout: "Vous êtes déconnecté de Mon espace santé sur tous vos appareils.",
};

/** The message shown on the home page after "Se déconnecter" (`/?deconnexion=ok` or `partout`). */
export function SignedOutNotice({ reason }: { reason: string | undefined }) {
  const message = reason ? messages[reason] : undefined;
  if (!message) return null;
  return (
    <div className="mb-6">
      <Alert variant="success" role="status">
        {message}
      </Alert>
    </div>
  );
}
