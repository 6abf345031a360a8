import type postgres from "postgres";
import { professionalDisplayName } from "@/lib/professionals/names";
import { luhnCheckDigit } from "@/lib/professionals/rpps";
import type { ScaleProfessional } from "./family";

/**
 * A few fictitious professionals the scale set's conversations and appointments are with: the
 * schema wants a professional's message and appointment to name their directory row. RPPS numbers
 * in a range of their own (10991000…), apart from the demo directory's (10990000…); made once per
 * database, found again by RPPS when the set grows.
 */
const SCALE_PROFESSIONALS = [
  { firstName: "Sophie", lastName: "Bernard", professionCode: "10", specialty: "Médecine générale", structureName: "Cabinet médical du Parc" },
  { firstName: "Marc", lastName: "Lefebvre", professionCode: "10", specialty: "Cardiologie", structureName: "Centre de cardiologie" },
  { firstName: "Amina", lastName: "Diallo", professionCode: "10", specialty: "Pédiatrie", structureName: "Cabinet de pédiatrie des Lilas" },
  { firstName: "Julien", lastName: "Moreau", professionCode: "70", specialty: null, structureName: "Cabinet de kinésithérapie des Lilas" },
  { firstName: "Claire", lastName: "Fontaine", professionCode: "21", specialty: null, structureName: "Pharmacie du Marché" },
  { firstName: "Hugo", lastName: "Petit", professionCode: "40", specialty: "Chirurgie dentaire", structureName: "Centre dentaire du Parc" },
] as const;

export async function ensureScaleProfessionals(sql: postgres.Sql): Promise<ScaleProfessional[]> {
  const found: ScaleProfessional[] = [];
  for (const [index, professional] of SCALE_PROFESSIONALS.entries()) {
    const body = `1099100${String(index + 1).padStart(3, "0")}`;
    const rpps = `${body}${luhnCheckDigit(body)}`;
    const [row] = await sql<{ id: string }[]>`
      insert into professionals (rpps, last_name, first_name, profession_code, specialty, structure_name, city)
      values (${rpps}, ${professional.lastName}, ${professional.firstName}, ${professional.professionCode}, ${professional.specialty}, ${professional.structureName}, 'Lyon')
      on conflict (rpps) do update set last_name = excluded.last_name
      returning id`;
    found.push({ id: row!.id, fullName: professionalDisplayName(professional) });
  }
  return found;
}
