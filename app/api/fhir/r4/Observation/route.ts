import { answerObservationSearch } from "@/lib/connected-services/api";

/** FHIR R4 search of the token's patient's measurements, for a service granted "measurements:read". */
export async function GET(request: Request) {
  return answerObservationSearch(request, new Date());
}
