import { insuredPersons } from "@/db/schema";
import type { TableFamily } from "./family";

/** The insurer's register: one row per person, children pointing at their parent's NIR. */
export const registerFamily: TableFamily = {
  name: "register",
  addRows(people, rows) {
    rows.add(insuredPersons, ...people.map((planned) => planned.person));
  },
};
