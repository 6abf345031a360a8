import { z } from "zod";

/** What "Ajouter à mes traitements" / "Ajouter à mes vaccinations" sends. */
export const addToProfileSchema = z.object({
  lineId: z.uuid(),
  target: z.enum(["treatment", "vaccination"]),
});

/** What "Masquer aux professionnels" / "Rendre visible" sends for "Mon histoire de santé". */
export const healthHistoryVisibilitySchema = z.object({
  visibility: z.enum(["hidden", "visible"]),
});
