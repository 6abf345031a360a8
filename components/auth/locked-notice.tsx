import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { LOCK_EXPLANATION, LOCK_HELP, lockedTitle } from "@/lib/auth/messages";

/** What a locked login says: until when, that a password reset does not help, and whom to call. */
export function LockedNotice({ lockedUntil, role }: { lockedUntil: string; role?: "alert" }) {
  return (
    <Alert variant="error" role={role} title={lockedTitle(new Date(lockedUntil))}>
      <p>{LOCK_EXPLANATION}</p>
      <p className="mt-2">{LOCK_HELP}</p>
      <p className="mt-2">
        <Link href="/" className="font-semibold text-brand-700 underline">
          Revenir à l&apos;accueil
        </Link>
      </p>
    </Alert>
  );
}
