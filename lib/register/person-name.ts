import type { InsuredPerson } from "@/db/schema";

type Named = Pick<InsuredPerson, "firstNames" | "birthName" | "usageName">;

/** The usual first name: the first of the registered first names. */
export function usualFirstName(person: Pick<InsuredPerson, "firstNames">): string {
  return person.firstNames.trim().split(/\s+/)[0] ?? person.firstNames;
}

/** The name the person goes by: usual first name and usage name, else birth name. */
export function displayName(person: Named): string {
  return `${usualFirstName(person)} ${person.usageName ?? person.birthName}`;
}

/** Every name of the person, to keep them out of a password. */
export function allNames(person: Named): string[] {
  return [person.firstNames, person.birthName, person.usageName].filter((name): name is string => Boolean(name));
}
