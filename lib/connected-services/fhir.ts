import type { Appointment, Bundle, DocumentReference, Observation, OperationOutcome, Quantity } from "fhir/r4";
import { appointmentHeadline } from "@/lib/agenda/appointments";
import type { AppointmentStatus, AppointmentWithKind } from "@/lib/agenda/schemas";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/documents/categories";
import { documentTypeOf } from "@/lib/documents/document-types";
import { BLOOD_PRESSURE, BLOOD_PRESSURE_METRIC_CODES, findMeasureKind } from "@/lib/medical-profile/measures";

/**
 * What the API hands a connected service: FHIR R4 JSON. Pure mappings from our rows, checked
 * against the R4 JSON schema in the tests (tests/integration/connected-services.test.ts).
 */

const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
/** ANS terminology TRE_A05 (TypeDocComplementaire): the DMP types that have no LOINC code. */
const TRE_A05 = "urn:oid:1.2.250.1.213.1.1.4.12";
const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

export type MeasurementRow = { id: string; code: string; value: number; diastolicValue: number | null; unit: string; measuredAt: Date };

function quantity(value: number, unit: string): Quantity {
  return { value, unit, system: UCUM, code: unit };
}

/** One measurement as an Observation: LOINC code, UCUM quantity; blood pressure as the panel with its two components. */
export function observationOf(row: MeasurementRow): Observation {
  const kind = findMeasureKind(row.code);
  const label = kind?.label ?? row.code;
  const base: Observation = {
    resourceType: "Observation",
    id: row.id,
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: "vital-signs", display: "Vital Signs" }] }],
    code: { coding: [{ system: LOINC, code: row.code, display: label }], text: label },
    effectiveDateTime: row.measuredAt.toISOString(),
  };
  if (row.code === BLOOD_PRESSURE.code && row.diastolicValue !== null) {
    return {
      ...base,
      component: [
        { code: { coding: [{ system: LOINC, code: BLOOD_PRESSURE_METRIC_CODES.systolic, display: "Systolic blood pressure" }] }, valueQuantity: quantity(row.value, row.unit) },
        { code: { coding: [{ system: LOINC, code: BLOOD_PRESSURE_METRIC_CODES.diastolic, display: "Diastolic blood pressure" }] }, valueQuantity: quantity(row.diastolicValue, row.unit) },
      ],
    };
  }
  return { ...base, valueQuantity: quantity(row.value, row.unit) };
}

export type DocumentRow = {
  id: string;
  title: string;
  documentDate: string;
  category: DocumentCategory;
  typeCode: string;
  authorName: string;
  mediaType: string;
  byteSize: number;
  uploadedAt: Date;
};

/** One document's metadata as a DocumentReference (its bytes are not part of this API). */
export function documentReferenceOf(row: DocumentRow): DocumentReference {
  const type = documentTypeOf(row.typeCode);
  const system = /^\d+-\d$/.test(row.typeCode) ? LOINC : TRE_A05;
  return {
    resourceType: "DocumentReference",
    id: row.id,
    status: "current",
    type: { coding: [{ system, code: row.typeCode, ...(type ? { display: type.label } : {}) }] },
    category: [{ text: DOCUMENT_CATEGORY_LABELS[row.category] }],
    date: row.uploadedAt.toISOString(),
    author: [{ display: row.authorName }],
    description: row.title,
    content: [{ attachment: { contentType: row.mediaType, size: row.byteSize, title: row.title, creation: row.documentDate } }],
  };
}

export type AppointmentRow = {
  id: string;
  title: string | null;
  withKind: AppointmentWithKind;
  withName: string;
  startsAt: Date;
  address: string | null;
  status: AppointmentStatus | null;
};

/**
 * One appointment of the agenda as an Appointment. The agenda keeps a start only: R4 wants a
 * booked appointment to have both start and end (invariants app-2, app-3), so the end is the start
 * and no duration is claimed. The person's own appointments have no status: they are "booked",
 * as they wrote them. The patient's personal note stays out, as it does for professionals.
 */
export function appointmentOf(row: AppointmentRow): Appointment {
  const at = row.startsAt.toISOString();
  return {
    resourceType: "Appointment",
    id: row.id,
    status: row.status ?? "booked",
    description: appointmentHeadline(row),
    start: at,
    end: at,
    ...(row.address ? { comment: `Adresse : ${row.address}` } : {}),
    participant: [{ actor: { type: row.withKind === "practitioner" ? "Practitioner" : "Location", display: row.withName }, required: "required", status: "accepted" }],
  };
}

/** A search's answer: every match, newest first (no paging: a person's measurements, documents and appointments fit in one answer). */
export function searchsetOf<Resource extends Observation | DocumentReference | Appointment>(resources: Resource[], selfUrl: string): Bundle<Resource> {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: selfUrl }],
    entry: resources.map((resource) => ({ fullUrl: new URL(`${resource.resourceType}/${resource.id}`, selfUrl.replace(/[^/]*$/, "")).toString(), resource, search: { mode: "match" } })),
  };
}

export function operationOutcomeOf(code: "forbidden" | "login" | "security" | "not-found", diagnostics: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}
