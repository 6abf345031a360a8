import { guardianships, insuredPersons } from "@/db/schema";
import type { TableFamily } from "./family";

/** The insurer's register: one row per person, and each child's guardianship by its parent. */
export const registerFamily: TableFamily = {
  name: "register",
  addRows(people, rows) {
    rows.add(insuredPersons, ...people.map((planned) => planned.person));
    for (const { person, parent } of people) {
      if (!parent) continue;
      rows.add(guardianships, {
        childPersonId: person.id,
        guardianNir: parent.nir,
        guardianPersonId: parent.id,
        source: "register",
        createdAt: person.createdAt ?? new Date(0),
      });
    }
  },
};
