import type { SpaceStatus } from "@/db/schema";
import { insuredPersons } from "@/db/schema";
import { computeNirKey } from "@/lib/register/nir";
import { type Random, createRandom } from "./random";

/**
 * Who the scale data set holds, person by person. Person `index` is always the same person
 * (same NIR, name, space status, dates relative to `now`), so the set can grow from 1,000 to
 * 100,000 and still equal a set generated at 100,000 in one go.
 */

const DAY_MS = 86_400_000;

/** Metropolitan departments with two digits (Corsica's 2A/2B are covered by the demo register). */
const DEPARTMENTS = Array.from({ length: 95 }, (_, index) => String(index + 1).padStart(2, "0")).filter((code) => code !== "20");

const FEMALE_FIRST_NAMES = [
  "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Marie", "Anne", "Nathalie", "Isabelle",
  "Sophie", "Claire", "Lucie", "Élodie", "Aurélie", "Hélène", "Céline", "Pauline", "Amandine", "Margaux", "Zoé", "Louise",
] as const;
const MALE_FIRST_NAMES = [
  "Lucas", "Hugo", "Louis", "Nathan", "Thomas", "Julien", "Nicolas", "Antoine", "Pierre", "Mathieu", "Olivier", "Karim",
  "Sébastien", "Guillaume", "Romain", "Maxime", "Alexandre", "Théo", "Jules", "Paul", "Arthur", "Gabriel", "Mehdi", "Yanis",
] as const;
const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
  "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
  "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
] as const;
const STREETS = [
  "rue des Lilas", "avenue des Platanes", "impasse des Mésanges", "chemin des Vignes", "boulevard des Tilleuls",
  "allée des Cerisiers", "place du Marché", "rue du Moulin", "route des Étangs", "quai des Saules",
] as const;
const CITIES = [
  ["75011", "Paris"], ["69003", "Lyon"], ["13005", "Marseille"], ["31000", "Toulouse"], ["44000", "Nantes"],
  ["33000", "Bordeaux"], ["59000", "Lille"], ["67000", "Strasbourg"], ["35000", "Rennes"], ["34000", "Montpellier"],
] as const;

type NewInsuredPersonRow = typeof insuredPersons.$inferInsert & { id: string };

export type PlannedSpace = {
  status: SpaceStatus;
  notifiedAt: Date | null;
  notificationChannel: "email" | "letter" | null;
  waitingPeriodEndsAt: Date | null;
  openedAt: Date | null;
  activatedAt: Date | null;
  /** When the person opposed (status "opposed" only). */
  opposedAt: Date | null;
};

export type PlannedPerson = {
  index: number;
  person: NewInsuredPersonRow;
  /** A child's parent (the adult just before it), its legal representative in the register. */
  parent: { id: string; nir: string } | null;
  usualFirstName: string;
  isChild: boolean;
  space: PlannedSpace;
  /** A stream of its own for each table family: a new family never changes what the others drew. */
  randomFor: (family: string) => Random;
};

export type PlanOptions = { seed: number; now: Date };

function asciiLower(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

function minDate(left: Date, right: Date): Date {
  return left.getTime() < right.getTime() ? left : right;
}

/**
 * Every fifth person is a child (ayant droit) of the person just before, who is always an adult:
 * about one adult in four has a child in the register.
 */
export function isChildIndex(index: number): boolean {
  return index % 5 === 4;
}

function birthDateFor(random: Random, isChild: boolean, now: Date): string {
  const thisYear = now.getUTCFullYear();
  const year = isChild ? random.int(thisYear - 17, thisYear) : random.int(1935, thisYear - 19);
  const month = random.int(1, 13);
  const day = random.int(1, 29);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A valid NIR unique to `index`: the commune and order numbers (6 digits) encode the index, so
 * two indexes below 998,001 never share one whatever their other digits.
 */
function nirFor(index: number, sexDigit: "1" | "2", birthDate: string, department: string): { nir: string; commune: string } {
  const commune = String(1 + Math.floor(index / 999)).padStart(3, "0");
  const order = String(1 + (index % 999)).padStart(3, "0");
  const body = `${sexDigit}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${department}${commune}${order}`;
  const key = computeNirKey(body);
  if (!key) throw new Error(`no NIR key for ${body}`);
  return { nir: `${body}${key}`, commune };
}

function planSpace(random: Random, isChild: boolean, hasEmail: boolean, now: Date): PlannedSpace {
  const draw = random.next();
  const status: SpaceStatus | "unnotified" = isChild
    ? draw < 0.9
      ? "created"
      : "pending"
    : draw < 0.7
      ? "active"
      : draw < 0.73
        ? "opposed"
        : draw < 0.9
          ? "created"
          : draw < 0.97
            ? "pending"
            : "unnotified";
  const none: PlannedSpace = {
    status: "pending",
    notifiedAt: null,
    notificationChannel: null,
    waitingPeriodEndsAt: null,
    openedAt: null,
    activatedAt: null,
    opposedAt: null,
  };
  if (status === "unnotified") return none;
  // The waiting period (42 days by default) is still running for "pending" people only.
  const notifiedAt = status === "pending" ? daysBefore(now, random.int(1, 40)) : daysBefore(now, random.int(60, 1_100));
  const waitingPeriodEndsAt = new Date(notifiedAt.getTime() + 42 * DAY_MS);
  const notified = { ...none, notifiedAt, notificationChannel: hasEmail ? ("email" as const) : ("letter" as const), waitingPeriodEndsAt };
  switch (status) {
    case "pending":
      return notified;
    case "created":
      return { ...notified, status, openedAt: waitingPeriodEndsAt };
    case "opposed":
      return { ...notified, status, opposedAt: new Date(notifiedAt.getTime() + random.int(1, 40) * DAY_MS) };
    case "active": {
      const activatedAt = minDate(new Date(notifiedAt.getTime() + random.int(1, 400) * DAY_MS), daysBefore(now, 1));
      return { ...notified, status, activatedAt, openedAt: minDate(activatedAt, waitingPeriodEndsAt) };
    }
  }
}

export function planPerson(index: number, { seed, now }: PlanOptions): PlannedPerson {
  const random = createRandom(seed, index, "person");
  const isChild = isChildIndex(index);
  const sex = random.isChance(0.52) ? ("F" as const) : ("M" as const);
  const firstName = random.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const secondName = random.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  // A child shares the family name and address of the adult just before it, its parent.
  const parent = isChild ? planPerson(index - 1, { seed, now }).person : null;
  const familyName = random.pick(LAST_NAMES);
  const birthName = parent?.birthName ?? familyName;
  const birthDate = birthDateFor(random, isChild, now);
  const department = random.pick(DEPARTMENTS);
  const { nir, commune } = nirFor(index, sex === "F" ? "2" : "1", birthDate, department);
  const [postcode, city] = random.pick(CITIES);
  const ownAddress = `${random.int(1, 120)} ${random.pick(STREETS)}\n${postcode} ${city}`;
  const postalAddress = parent ? (parent.postalAddress ?? ownAddress) : ownAddress;

  let hasEmail = !isChild && random.isChance(0.85);
  const hasMobile = !isChild && random.isChance(0.8);
  const space = planSpace(random, isChild, hasEmail, now);
  // An active space needs somewhere to send login codes.
  if (space.status === "active" && !hasEmail && !hasMobile) {
    hasEmail = true;
    space.notificationChannel = "email";
  }
  const localPart = `${asciiLower(firstName)}.${asciiLower(birthName)}.${index}`;
  const registeredAt = daysBefore(space.notifiedAt ?? now, random.int(30, 400));

  return {
    index,
    isChild,
    parent: parent ? { id: parent.id, nir: parent.nir } : null,
    usualFirstName: firstName,
    space,
    randomFor: (family) => createRandom(seed, index, family),
    person: {
      id: random.uuid(),
      nir,
      birthName,
      usageName: !isChild && sex === "F" && random.isChance(0.15) ? random.pick(LAST_NAMES) : null,
      firstNames: firstName === secondName ? firstName : `${firstName} ${secondName}`,
      sex,
      birthDate,
      birthPlaceCode: `${department}${commune}`,
      // Reserved domain and ARCEP's block for works of fiction: nothing can reach a real person.
      email: hasEmail ? `${localPart}@example.org` : null,
      mobile: hasMobile ? `+3363998${random.digits(4)}` : null,
      postalAddress,
      vitaleSerial: random.digits(isChild ? 8 : 11),
      createdAt: registeredAt,
      updatedAt: registeredAt,
    },
  };
}

/** The identifier a generated person's account uses: unique because the index is. */
export function identifierFor(planned: PlannedPerson): string {
  const [first] = planned.person.firstNames.split(" ");
  return `${asciiLower(first ?? "")}.${asciiLower(planned.person.birthName)}.${planned.index}`;
}
