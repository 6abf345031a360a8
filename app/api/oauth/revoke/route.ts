import { answerRevocationRequest } from "@/lib/connected-services/revocation";

/** OAuth 2.0 token revocation (RFC 7009) for connected services: an access or refresh token given up (README). */
export async function POST(request: Request) {
  return answerRevocationRequest(request, new Date());
}
