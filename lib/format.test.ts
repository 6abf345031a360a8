import { describe, expect, it } from "vitest";
import {
  formatDateFr,
  formatDateTimeFr,
  formatLongDateFr,
  formatMobileFr,
  formatTimeFr,
  maskEmail,
  maskMobile,
  parisOffsetMs,
} from "./format";

describe("maskEmail", () => {
  it("keeps the first and last characters of the local part and the whole domain", () => {
    expect(maskEmail("camille.martin@example.org")).toBe("c*********n@example.org");
  });

  it("hides the length of the local part", () => {
    expect(maskEmail("jo.b@example.org")).toBe("j*********b@example.org");
    expect(maskEmail("a.very.long.local.part@example.org")).toBe("a*********t@example.org");
  });

  it("never shows a one- or two-character local part whole", () => {
    expect(maskEmail("ab@example.org")).toBe("a*********@example.org");
    expect(maskEmail("a@example.org")).toBe("a*********@example.org");
  });
});

describe("maskMobile and formatMobileFr", () => {
  it("shows a French mobile in its national form, masked except the first and last pairs", () => {
    expect(maskMobile("+33699001122")).toBe("06 ** ** ** 22");
    expect(formatMobileFr("+33699001122")).toBe("06 99 00 11 22");
  });

  it("writes overseas departments' mobiles nationally too", () => {
    expect(formatMobileFr("+262692123456")).toBe("06 92 12 34 56");
    expect(maskMobile("+590690123456")).toBe("06 ** ** ** 56");
  });

  it("accepts a number already written nationally", () => {
    expect(formatMobileFr("07 12 34 56 78")).toBe("07 12 34 56 78");
  });

  it("keeps a foreign number international and still masks it", () => {
    expect(formatMobileFr("+447700900123")).toBe("+447700900123");
    expect(maskMobile("+447700900123")).toBe("+44 ** ** ** 23");
  });
});

describe("dates in Europe/Paris", () => {
  it("shows a calendar date as it is, whatever the time zone", () => {
    expect(formatDateFr("2022-02-03")).toBe("03/02/2022");
    expect(formatLongDateFr("2022-02-03")).toBe("3 février 2022");
  });

  it("shows an instant on its Paris day, not its UTC day", () => {
    // 23:30 UTC on 2 February is 00:30 on 3 February in Paris (winter time, UTC+1).
    const instant = new Date("2022-02-02T23:30:00Z");
    expect(formatDateFr(instant)).toBe("03/02/2022");
    expect(formatTimeFr(instant)).toBe("00:30");
    expect(formatDateTimeFr(instant)).toBe("03/02/2022 à 00:30");
    expect(formatLongDateFr(instant)).toBe("3 février 2022");
  });

  it("follows summer time", () => {
    expect(formatDateTimeFr(new Date("2022-07-14T12:05:00Z"))).toBe("14/07/2022 à 14:05");
  });

  it("writes the first day of a month as French does", () => {
    expect(formatLongDateFr("2022-03-01")).toBe("1er mars 2022");
    expect(formatLongDateFr("2022-03-11")).toBe("11 mars 2022");
  });

  it("refuses a string that is not a calendar date", () => {
    expect(() => formatDateFr("03/02/2022")).toThrow(RangeError);
  });
});

describe("parisOffsetMs", () => {
  const hour = 3_600_000;

  it("is one hour in winter and two in summer", () => {
    expect(parisOffsetMs(new Date("2024-01-15T12:00:00Z"))).toBe(hour);
    expect(parisOffsetMs(new Date("2024-07-15T12:00:00Z"))).toBe(2 * hour);
  });

  it("changes at 01:00 UTC on the last Sunday of March (02:00 in Paris becomes 03:00)", () => {
    expect(parisOffsetMs(new Date("2024-03-31T00:59:00Z"))).toBe(hour);
    expect(parisOffsetMs(new Date("2024-03-31T01:00:00Z"))).toBe(2 * hour);
  });

  it("changes back at 01:00 UTC on the last Sunday of October (03:00 in Paris becomes 02:00)", () => {
    expect(parisOffsetMs(new Date("2024-10-27T00:59:00Z"))).toBe(2 * hour);
    expect(parisOffsetMs(new Date("2024-10-27T01:00:00Z"))).toBe(hour);
  });

  it("ignores the seconds of the instant", () => {
    expect(parisOffsetMs(new Date("2024-01-15T12:00:59.999Z"))).toBe(hour);
  });
});
