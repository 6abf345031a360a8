import { describe, expect, it } from "vitest";
import {
  DEFAULT_EMERGENCY_SETTINGS,
  type EmergencySettings,
  type ProfessionalRequest,
  type ProfessionalStanding,
  type RecordReach,
  professionalMay,
  recordReachOf,
} from "./decide";

// The truth table of the one decision (SPEC §7, reference mes-data-model §6 and §11): every
// standing a professional may have with a patient × every request they may make.

const ME = "11111111-1111-4111-8111-111111111111";
const SOMEONE_ELSE = "22222222-2222-4222-8222-222222222222";
const ALL_OFF: EmergencySettings = { allowsEmergencyMedicalService: false, allowsOtherProfessionals: false, includesMaskedDocuments: false };

function standing(overrides: Partial<ProfessionalStanding> = {}, isSamu = false): ProfessionalStanding {
  return {
    professional: { id: ME, isEmergencyMedicalService: isSamu },
    access: null,
    emergency: null,
    settings: DEFAULT_EMERGENCY_SETTINGS,
    ...overrides,
  };
}

const authorised = { status: "authorised", isAdministrator: false } as const;
const administrator = { status: "authorised", isAdministrator: true } as const;

const STANDINGS: Record<string, ProfessionalStanding> = {
  authorised: standing({ access: authorised }),
  administrator: standing({ access: administrator }),
  none: standing(),
  blocked: standing({ access: { status: "blocked", isAdministrator: false } }),
  withdrawn: standing({ access: { status: "withdrawn", isAdministrator: false } }),
  "blocked, in an emergency": standing({ access: { status: "blocked", isAdministrator: false }, emergency: { kind: "other_professional" } }),
  "SAMU emergency, switch on": standing({ emergency: { kind: "emergency_medical_service" } }, true),
  "SAMU emergency, switch off": standing({ emergency: { kind: "emergency_medical_service" }, settings: { ...ALL_OFF, allowsOtherProfessionals: true } }, true),
  "other emergency, switch on": standing({ emergency: { kind: "other_professional" } }),
  "other emergency, switch off": standing({ emergency: { kind: "other_professional" }, settings: { ...ALL_OFF, allowsEmergencyMedicalService: true } }),
  "other emergency, « Documents masqués » on": standing({
    emergency: { kind: "other_professional" },
    settings: { ...DEFAULT_EMERGENCY_SETTINGS, includesMaskedDocuments: true },
  }),
  "withdrawn, other emergency, switch on": standing({ access: { status: "withdrawn", isAdministrator: false }, emergency: { kind: "other_professional" } }),
};

const document = (overrides: Partial<{ typeCode: string; isHiddenFromProfessionals: boolean; authorProfessionalId: string | null }> = {}) => ({
  kind: "read-document" as const,
  document: { typeCode: "11488-4", isHiddenFromProfessionals: false, authorProfessionalId: null, ...overrides },
});

const REQUESTS: Record<string, ProfessionalRequest> = {
  "open the record": { kind: "open-record" },
  "read a visible document": document(),
  "read a masked document": document({ isHiddenFromProfessionals: true }),
  "read a masked document they wrote": document({ isHiddenFromProfessionals: true, authorProfessionalId: ME }),
  "read a masked document someone else wrote": document({ isHiddenFromProfessionals: true, authorProfessionalId: SOMEONE_ELSE }),
  "read a document of a type the matrix excludes": document({ typeCode: "EXPPAT_3" }),
  "read a masked document they wrote, of an excluded type": document({ typeCode: "EXPPAT_3", isHiddenFromProfessionals: true, authorProfessionalId: ME }),
  "read vaccinations": { kind: "read-profile-section", section: "vaccination" },
  "read allergies": { kind: "read-profile-section", section: "allergy" },
  "read « Mon histoire de santé »": { kind: "read-profile-section", section: "health-history", isHiddenFromProfessionals: false },
  "read « Mon histoire de santé » the patient masked": { kind: "read-profile-section", section: "health-history", isHiddenFromProfessionals: true },
  "deposit a document": { kind: "deposit-document" },
  "block another professional": { kind: "block-professional" },
  "start a conversation": { kind: "start-conversation" },
  "write in their conversation": { kind: "write-in-conversation" },
  "add an appointment": { kind: "add-appointment" },
  "change the status of their appointment": { kind: "change-appointment-status", appointment: { authorProfessionalId: ME } },
  "change the status of someone else's appointment": { kind: "change-appointment-status", appointment: { authorProfessionalId: SOMEONE_ELSE } },
};

// Y: allowed. Columns follow REQUESTS' order.
const EXPECTED: Record<keyof typeof STANDINGS, string> = {
  //                                             open vis mask own else excl exclOwn vacc allerg hist histMasked deposit block start write appt status statusElse
  authorised: /*                                */ "Y    Y   .    Y   .    .    .       Y    .      Y    .          Y       .       Y     Y     Y     Y      .",
  administrator: /*                             */ "Y    Y   Y    Y   Y    .    .       Y    .      Y    .          Y       Y       Y     Y     Y     Y      .",
  none: /*                                      */ ".    .   .    .   .    .    .       .    .      .    .          .       .       .     Y     .     .      .",
  blocked: /*                                   */ ".    .   .    .   .    .    .       .    .      .    .          Y       .       .     .     .     .      .",
  withdrawn: /*                                 */ ".    .   .    .   .    .    .       .    .      .    .          .       .       .     Y     .     .      .",
  "blocked, in an emergency": /*                */ ".    .   .    .   .    .    .       .    .      .    .          Y       .       .     .     .     .      .",
  "SAMU emergency, switch on": /*               */ "Y    Y   .    Y   .    .    .       Y    .      Y    .          Y       .       Y     Y     .     .      .",
  "SAMU emergency, switch off": /*              */ ".    .   .    .   .    .    .       .    .      .    .          .       .       .     Y     .     .      .",
  "other emergency, switch on": /*              */ "Y    Y   .    Y   .    .    .       Y    .      Y    .          Y       .       Y     Y     .     .      .",
  "other emergency, switch off": /*             */ ".    .   .    .   .    .    .       .    .      .    .          .       .       .     Y     .     .      .",
  "other emergency, « Documents masqués » on": /**/ "Y    Y   Y    Y   Y    .    .       Y    .      Y    .          Y       .       Y     Y     .     .      .",
  "withdrawn, other emergency, switch on": /*   */ "Y    Y   .    Y   .    .    .       Y    .      Y    .          Y       .       Y     Y     .     .      .",
};

const isTypeAccessible = (typeCode: string) => typeCode !== "EXPPAT_3";

describe("professionalMay(recordReachOf(standing), request)", () => {
  for (const [standingName, facts] of Object.entries(STANDINGS)) {
    it(`${standingName}: ${EXPECTED[standingName]!.replace(/\s+/g, " ")}`, () => {
      const reach = recordReachOf(facts);
      const answers = Object.values(REQUESTS).map((request) =>
        professionalMay(reach, request, { professionalId: ME, isTypeAccessible }) ? "Y" : ".",
      );
      expect(Object.fromEntries(Object.keys(REQUESTS).map((name, index) => [name, answers[index]]))).toEqual(
        Object.fromEntries(Object.keys(REQUESTS).map((name, index) => [name, EXPECTED[standingName]!.split(/\s+/)[index]])),
      );
    });
  }
});

describe("recordReachOf", () => {
  const reaches: [string, RecordReach][] = [
    ["authorised", { reach: "record", isEmergency: false, isAdministrator: false, seesMaskedDocuments: false }],
    ["administrator", { reach: "record", isEmergency: false, isAdministrator: true, seesMaskedDocuments: true }],
    ["none", { reach: "none", mayOpenEmergencyAccess: true }],
    ["blocked", { reach: "blocked" }],
    ["withdrawn", { reach: "none", mayOpenEmergencyAccess: true }],
    ["SAMU emergency, switch on", { reach: "record", isEmergency: true, isAdministrator: false, seesMaskedDocuments: false }],
    ["other emergency, « Documents masqués » on", { reach: "record", isEmergency: true, isAdministrator: false, seesMaskedDocuments: true }],
  ];
  for (const [name, expected] of reaches) {
    it(`${name} → ${expected.reach}`, () => expect(recordReachOf(STANDINGS[name]!)).toEqual(expected));
  }

  it("lets a professional without consent open an emergency access only under a switch that is on", () => {
    expect(recordReachOf(standing({ settings: { ...DEFAULT_EMERGENCY_SETTINGS, allowsOtherProfessionals: false } }))).toEqual({
      reach: "none",
      mayOpenEmergencyAccess: false,
    });
    expect(recordReachOf(standing({ settings: { ...DEFAULT_EMERGENCY_SETTINGS, allowsOtherProfessionals: false } }, true))).toEqual({
      reach: "none",
      mayOpenEmergencyAccess: true,
    });
    expect(recordReachOf(standing({ settings: ALL_OFF }, true))).toEqual({ reach: "none", mayOpenEmergencyAccess: false });
  });
});
