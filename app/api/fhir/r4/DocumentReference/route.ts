import { answerDocumentReferenceSearch } from "@/lib/connected-services/api";

/** FHIR R4 search of the token's patient's documents (metadata), for a service granted "documents:read". */
export async function GET(request: Request) {
  return answerDocumentReferenceSearch(request, new Date());
}
