import { answerAppointmentSearch } from "@/lib/connected-services/api";

/** FHIR R4 search of the token's patient's agenda, for a service granted "agenda:read". */
export async function GET(request: Request) {
  return answerAppointmentSearch(request, new Date());
}
