import type { YearTotals } from "@/lib/reimbursements/queries";
import { formatCents } from "@/lib/reimbursements/money";

/**
 * "Totaux par année": what was paid, paid back and left to pay, for the filtered statement. Wider
 * than a phone, it scrolls inside a region the keyboard can reach (it holds nothing focusable).
 */
export function YearTotalsTable({ totals, caption }: { totals: YearTotals[]; caption: string }) {
  return (
    <div role="region" aria-labelledby="totaux-legende" tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption id="totaux-legende" className="mb-2 text-left font-semibold text-slate-900">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-2 pr-4">Année</th>
            <th scope="col" className="py-2 pr-4">Soins</th>
            <th scope="col" className="py-2 pr-4">Montant payé</th>
            <th scope="col" className="py-2 pr-4">Assurance Maladie</th>
            <th scope="col" className="py-2 pr-4">Complémentaire</th>
            <th scope="col" className="py-2 pr-4">Reste à charge</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.year} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4">{total.year}</th>
              <td className="py-2 pr-4">{total.lineCount}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(total.amountPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(total.insurerPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(total.complementaryPaidCents)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatCents(total.remainingChargeCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
