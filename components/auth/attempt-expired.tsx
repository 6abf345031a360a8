import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

type AttemptExpiredProps = { message: string; restartHref: string; restartLabel: string };

/** What a login or reset step shows once its attempt is over: why, and the way back to its start. */
export function AttemptExpired({ message, restartHref, restartLabel }: AttemptExpiredProps) {
  return (
    <>
      <div className="mt-6">
        <Alert variant="warning">{message}</Alert>
      </div>
      <p className="mt-6">
        <ButtonLink href={restartHref}>{restartLabel}</ButtonLink>
      </p>
    </>
  );
}
