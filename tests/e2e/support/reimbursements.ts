import { randomUUID } from "node:crypto";
import type { CareCategory } from "@/db/schema/reimbursements";
import { sql } from "./register";

export type TestStatementLineInput = {
  careDate: string;
  actLabel: string;
  category?: CareCategory;
  /** Cents. Unset: a 30 € consultation at 70 % with 2 € of participation forfaitaire, 9 € from the complementary. */
  amountPaidCents?: number;
  insurerPaidCents?: number;
  complementaryPaidCents?: number;
  isMinorSecret?: boolean;
};

/** A care event of the insurer's feed and its statement line, made in SQL as the import leaves them. */
export async function createTestStatementLine(personId: string, input: TestStatementLineInput): Promise<{ id: string }> {
  const id = randomUUID();
  await sql`
    insert into care_events (id, person_id, line_reference, care_date, category, act_label, act_code, professional_name, is_minor_secret)
    values (${id}, ${personId}, ${`E2E-${id}`}, ${input.careDate}, ${input.category ?? "medical-dental-care"}, ${input.actLabel}, 'G',
            'Dr Anne Leroy', ${input.isMinorSecret ?? false})`;
  await sql`
    insert into statement_lines (care_event_id, amount_paid_cents, reimbursement_base_cents, rate_percent, insurer_paid_cents,
                                 complementary_paid_cents, deductions_cents, payment_date, payee)
    values (${id}, ${input.amountPaidCents ?? 3000}, 3000, 70, ${input.insurerPaidCents ?? 1900}, ${input.complementaryPaidCents ?? 900}, 200,
            ${input.careDate}, 'insured')`;
  return { id };
}
