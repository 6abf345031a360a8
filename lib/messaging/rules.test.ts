import { describe, expect, it } from "vitest";
import { patientMayReply, patientMayStartWith, professionalMayClose } from "./rules";

const PRO = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const CLOSED_AT = new Date("2026-03-01T10:00:00Z");

describe("patientMayReply", () => {
  it("lets the patient answer a professional's open exchange", () => expect(patientMayReply({ professionalId: PRO, closedAt: null })).toBe(true));
  it("refuses once the professional closed it", () => expect(patientMayReply({ professionalId: PRO, closedAt: CLOSED_AT })).toBe(false));
  it("refuses a reply to the service's own messages", () => expect(patientMayReply({ professionalId: null, closedAt: null })).toBe(false));
});

describe("patientMayStartWith", () => {
  it("allows a professional who already wrote", () => expect(patientMayStartWith(PRO, new Set([PRO]))).toBe(true));
  it("refuses anyone else", () => expect(patientMayStartWith(OTHER, new Set([PRO]))).toBe(false));
  it("refuses everyone to a patient nobody wrote to", () => expect(patientMayStartWith(PRO, new Set())).toBe(false));
});

describe("professionalMayClose", () => {
  it("lets the professional close their open exchange", () => expect(professionalMayClose({ professionalId: PRO, closedAt: null }, PRO)).toBe(true));
  it("not twice", () => expect(professionalMayClose({ professionalId: PRO, closedAt: CLOSED_AT }, PRO)).toBe(false));
  it("not someone else's", () => expect(professionalMayClose({ professionalId: OTHER, closedAt: null }, PRO)).toBe(false));
  it("not the service's", () => expect(professionalMayClose({ professionalId: null, closedAt: null }, PRO)).toBe(false));
});
