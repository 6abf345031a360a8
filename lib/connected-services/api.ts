import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, connectedServices, documents, measurements, serviceConnections } from "@/db/schema";
import type { ActivityAction } from "@/lib/activity/actions";
import { recordActivity } from "@/lib/activity/record";
import { decideServiceAccess } from "./decide";
import { appointmentOf, documentReferenceOf, observationOf, operationOutcomeOf, searchsetOf } from "./fhir";
import { authenticateBearer } from "./oauth";
import type { Purpose } from "./purposes";

/**
 * The data API of connected services (FHIR R4 JSON, README "API des services connectés"). Each
 * request: the bearer token (oauth.ts), then what its connection may reach now (decide.ts), then
 * the patient's rows — only the rows of the person the token's connection belongs to — and the
 * use recorded in their history ("Services tiers") in the same transaction as the read.
 */

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

type ServiceContext = { connectionId: string; personId: string; serviceName: string };

function fhirAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", ...headers } });
}

const REFUSALS = {
  disconnected: { status: 401, code: "login", text: "Le patient a déconnecté ce service.", challenge: 'Bearer error="invalid_token"' },
  lapsed: { status: 401, code: "login", text: "Le patient n'a pas approuvé les nouvelles finalités de ce service avant la date limite.", challenge: 'Bearer error="invalid_token"' },
  suspended: { status: 403, code: "forbidden", text: "Ce service est suspendu : il ne peut consulter aucune donnée.", challenge: 'Bearer error="insufficient_scope"' },
  "not-granted": { status: 403, code: "forbidden", text: "Le patient n'a pas accordé cette finalité à ce service.", challenge: 'Bearer error="insufficient_scope"' },
} as const;

/** The patient and service behind this request's token, if they may use `purpose` right now; else the refusal to send. */
export async function resolveServiceRequest(request: Request, purpose: Purpose, now: Date): Promise<ServiceContext | { refusal: Response }> {
  const authenticated = await authenticateBearer(request, purpose);
  if ("refusal" in authenticated) return authenticated;
  const [row] = await getDb()
    .select({
      personId: serviceConnections.personId,
      grantedPurposes: serviceConnections.grantedPurposes,
      approvedVersion: serviceConnections.approvedVersion,
      disconnectedAt: serviceConnections.disconnectedAt,
      lapsedAt: serviceConnections.lapsedAt,
      serviceName: connectedServices.name,
      status: connectedServices.status,
      requestedPurposes: connectedServices.requestedPurposes,
      purposesVersion: connectedServices.purposesVersion,
      reapprovalDeadline: connectedServices.reapprovalDeadline,
    })
    .from(serviceConnections)
    .innerJoin(connectedServices, eq(connectedServices.id, serviceConnections.serviceId))
    .where(eq(serviceConnections.id, authenticated.connectionId))
    .limit(1);
  if (!row) throw new Error("a live token without its connection");
  const decision = decideServiceAccess({ service: row, connection: row, tokenScope: authenticated.scope, purpose, now });
  if (!decision.allowed) {
    const refusal = REFUSALS[decision.reason];
    return { refusal: fhirAnswer(refusal.status, operationOutcomeOf(refusal.code, refusal.text), { "WWW-Authenticate": refusal.challenge }) };
  }
  return { connectionId: authenticated.connectionId, personId: row.personId, serviceName: row.serviceName };
}

async function recordUse(executor: Parameters<typeof recordActivity>[0], context: ServiceContext, action: ActivityAction, now: Date) {
  await recordActivity(executor, {
    subjectPersonId: context.personId,
    actor: { kind: "service", accountId: null, name: context.serviceName },
    action,
    target: { type: "service_connection", id: context.connectionId },
    at: now,
  });
}

/** GET Observation: the patient's measurements, newest first. */
export async function answerObservationSearch(request: Request, now: Date): Promise<Response> {
  const context = await resolveServiceRequest(request, "measurements:read", now);
  if ("refusal" in context) return context.refusal;
  const rows = await getDb().transaction(async (tx) => {
    const found = await tx
      .select({
        id: measurements.id,
        code: measurements.code,
        value: measurements.value,
        diastolicValue: measurements.diastolicValue,
        unit: measurements.unit,
        measuredAt: measurements.measuredAt,
      })
      .from(measurements)
      .where(eq(measurements.personId, context.personId))
      .orderBy(desc(measurements.measuredAt), desc(measurements.id));
    await recordUse(tx, context, "services.measurements-read", now);
    return found;
  });
  return fhirAnswer(200, searchsetOf(rows.map(observationOf), request.url));
}

/**
 * GET DocumentReference: the metadata of the patient's documents, newest first. A document its
 * author kept from legal representatives stays out: a connection may have been made by one.
 */
export async function answerDocumentReferenceSearch(request: Request, now: Date): Promise<Response> {
  const context = await resolveServiceRequest(request, "documents:read", now);
  if ("refusal" in context) return context.refusal;
  const rows = await getDb().transaction(async (tx) => {
    const found = await tx
      .select({
        id: documents.id,
        title: documents.title,
        documentDate: documents.documentDate,
        category: documents.category,
        typeCode: documents.typeCode,
        authorName: documents.authorName,
        mediaType: documents.mediaType,
        byteSize: documents.byteSize,
        uploadedAt: documents.uploadedAt,
      })
      .from(documents)
      .where(and(eq(documents.personId, context.personId), eq(documents.isHiddenFromLegalRepresentatives, false)))
      .orderBy(desc(documents.uploadedAt), desc(documents.id));
    await recordUse(tx, context, "services.documents-read", now);
    return found;
  });
  return fhirAnswer(200, searchsetOf(rows.map(documentReferenceOf), request.url));
}

/** GET Appointment: the patient's agenda, appointments they wrote and those a professional added, latest first. */
export async function answerAppointmentSearch(request: Request, now: Date): Promise<Response> {
  const context = await resolveServiceRequest(request, "agenda:read", now);
  if ("refusal" in context) return context.refusal;
  const rows = await getDb().transaction(async (tx) => {
    const found = await tx
      .select({
        id: appointments.id,
        title: appointments.title,
        withKind: appointments.withKind,
        withName: appointments.withName,
        startsAt: appointments.startsAt,
        address: appointments.address,
        status: appointments.status,
      })
      .from(appointments)
      .where(eq(appointments.personId, context.personId))
      .orderBy(desc(appointments.startsAt), desc(appointments.id));
    await recordUse(tx, context, "services.agenda-read", now);
    return found;
  });
  return fhirAnswer(200, searchsetOf(rows.map(appointmentOf), request.url));
}
