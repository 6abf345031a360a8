import type { ReactNode } from "react";
import { formatDateFr } from "@/lib/format";
import { formatCents } from "@/lib/reimbursements/money";
import type { StatementLineView } from "@/lib/reimbursements/queries";

type StatementTableProps = {
  lines: StatementLineView[];
  caption: string;
  /** The beneficiary column, when the list may hold several people's care. */
  showsBeneficiary: boolean;
  /** What the details of a line offer besides its figures ("Ajouter à mes traitements"). */
  actionsOf?: (line: StatementLineView) => ReactNode;
};

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-semibold">{term} :</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The statement (SPEC §9): one row per paid care, base, rate, deductions and payment in each row's details. */
export function StatementTable({ lines, caption, showsBeneficiary, actionsOf }: StatementTableProps) {
  return (
    // relative: the summaries' sr-only text is absolutely placed; without a containing block here it
    // escapes the scrolling box and widens the whole page on a phone.
    <div className="relative mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-2 pr-4">Date des soins</th>
            {showsBeneficiary ? <th scope="col" className="py-2 pr-4">Bénéficiaire</th> : null}
            <th scope="col" className="py-2 pr-4">Nature</th>
            <th scope="col" className="py-2 pr-4">Montant payé</th>
            <th scope="col" className="py-2 pr-4">Assurance Maladie</th>
            <th scope="col" className="py-2 pr-4">Complémentaire</th>
            <th scope="col" className="py-2 pr-4">Reste à charge</th>
            <th scope="col" className="py-2 pr-4">Détails</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateFr(line.careDate)}</td>
              {showsBeneficiary ? <td className="py-2 pr-4">{line.beneficiaryName}</td> : null}
              <td className="py-2 pr-4">
                {line.actLabel}
                <span className="block text-sm text-slate-700">{line.categoryLabel}</span>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(line.amountPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(line.insurerPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(line.complementaryPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap font-semibold">{formatCents(line.remainingChargeCents)}</td>
              <td className="py-2 pr-4">
                <details>
                  <summary className="cursor-pointer text-brand-700 underline">
                    Détails<span className="sr-only"> : {line.actLabel}, le {formatDateFr(line.careDate)}</span>
                  </summary>
                  <dl className="mt-2 space-y-1 text-sm">
                    <Detail term="Bénéficiaire">{line.beneficiaryName}</Detail>
                    <Detail term="Code de l'acte">{line.actCode}</Detail>
                    <Detail term="Professionnel ou établissement">{line.providerName ?? "Professionnel de santé non renseigné"}</Detail>
                    <Detail term="Base de remboursement">{formatCents(line.reimbursementBaseCents)}</Detail>
                    <Detail term="Taux">{line.ratePercent} %</Detail>
                    <Detail term="Participation forfaitaire et franchises">{formatCents(line.deductionsCents)}</Detail>
                    <Detail term="Réglé le">{formatDateFr(line.paymentDate)}</Detail>
                    <Detail term="Payé à">{line.payeeLabel}</Detail>
                    {line.isMinorSecret ? <Detail term="Confidentialité">Soin confidentiel : invisible pour vos représentants légaux</Detail> : null}
                  </dl>
                  {actionsOf?.(line)}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
