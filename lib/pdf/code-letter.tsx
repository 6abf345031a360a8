import "server-only";
import { provisionalCodeContent } from "@/lib/delivery/templates/enrolment";
import { renderLetter } from "./letter";

/** A provisional code asked for with "Générer un nouveau code provisoire" and sent by post. */
export async function renderCodeLetter({
  fullName,
  postalAddress,
  code,
  codeValidUntil,
  issuedAt = new Date(),
}: {
  fullName: string;
  postalAddress: string;
  code: string;
  codeValidUntil: Date;
  issuedAt?: Date;
}): Promise<Buffer> {
  return renderLetter({
    fullName,
    postalAddress,
    issuedAt,
    content: provisionalCodeContent({ greetingLine: "Madame, Monsieur,", code, validUntil: codeValidUntil }),
  });
}
