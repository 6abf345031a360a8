import { answerTokenRequest } from "@/lib/connected-services/oauth";

/** OAuth 2.0 token endpoint of connected services: authorization code + PKCE verifier, or refresh token (README). */
export async function POST(request: Request) {
  return answerTokenRequest(request);
}
