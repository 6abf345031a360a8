import "server-only";
import { notificationContent } from "@/lib/delivery/templates/enrolment";
import { renderLetter } from "./letter";

/**
 * The postal letter for people without an e-mail address (or whose e-mail bounced): the same
 * information as the notification e-mail, provisional code included.
 */
export async function renderNotificationLetter({
  fullName,
  postalAddress,
  code,
  codeValidUntil,
  openingDate,
  issuedAt = new Date(),
}: {
  fullName: string;
  postalAddress: string;
  code: string;
  codeValidUntil: Date;
  openingDate: Date;
  issuedAt?: Date;
}): Promise<Buffer> {
  return renderLetter({
    fullName,
    postalAddress,
    issuedAt,
    content: notificationContent({ greetingLine: "Madame, Monsieur,", code, codeValidUntil, openingDate }),
  });
}
