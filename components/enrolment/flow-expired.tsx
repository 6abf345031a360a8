import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { expiredFlowMessage } from "@/lib/enrolment/messages";
import { PageTitle } from "@/components/ui/page-title";

/** What every step shows when the browser has no live flow (expired, finished, or never started). */
export function FlowExpired({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div className="mt-6">
        <Alert variant="warning">{expiredFlowMessage}</Alert>
      </div>
      <ul className="mt-6 space-y-3">
        <li>
          <Link className="font-semibold text-brand-700 underline" href="/activation">
            Saisir mon code provisoire
          </Link>
        </li>
        <li>
          <Link className="font-semibold text-brand-700 underline" href="/activation/nouveau-code">
            Générer un nouveau code provisoire
          </Link>
        </li>
      </ul>
    </>
  );
}
