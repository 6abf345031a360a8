import type { ServiceEntry } from "./service-file";

/**
 * The demo catalogue (`npm run db:seed`): fictitious services, each said to be so in its name and
 * description, fed to the same import as a real catalogue file. The first one is the client of
 * `npm run services:demo-client` (scripts/demo-service-client.ts), which listens on its redirect URI.
 */

export const DEMO_CLIENT_ID = "carnet-mesures-demo";
export const DEMO_CLIENT_REDIRECT_URI = "http://127.0.0.1:8976/retour";

const FICTITIOUS = "Service fictif de démonstration, sans lien avec un service réel.";

export const DEMO_SERVICES: ServiceEntry[] = [
  {
    code: DEMO_CLIENT_ID,
    name: "Carnet de mesures (démo)",
    publisher: "Éditeur fictif Alpha",
    description: `${FICTITIOUS} Tient un carnet de vos mesures (poids, tension, glycémie), vous les montre en courbes et vous rappelle vos rendez-vous.`,
    category: "suivi-mesures",
    regions: [],
    thematics: ["diabete", "cardiologie"],
    pricing: "free",
    status: "online",
    requestedPurposes: ["measurements:read", "documents:read", "agenda:read"],
    redirectUris: [DEMO_CLIENT_REDIRECT_URI],
    reapprovalDate: null,
  },
  {
    code: "coach-pas-demo",
    name: "Coach de marche (démo)",
    publisher: "Éditeur fictif Bêta",
    description: `${FICTITIOUS} Vous propose des objectifs de pas quotidiens et ajoute vos pas à vos mesures.`,
    category: "prevention",
    regions: ["84", "93"],
    thematics: ["activite-physique"],
    pricing: "paid",
    status: "online",
    requestedPurposes: ["measurements:read", "measurements:write"],
    redirectUris: ["https://coach-pas.example/retour"],
    reapprovalDate: null,
  },
  {
    code: "classeur-demo",
    name: "Classeur de documents (démo)",
    publisher: "Éditeur fictif Gamma",
    description: `${FICTITIOUS} Range vos comptes rendus et ordonnances et vous rappelle ceux qui arrivent.`,
    category: "documents",
    regions: [],
    thematics: ["soins-courants"],
    pricing: "free",
    status: "online",
    requestedPurposes: ["documents:read", "documents:write"],
    redirectUris: ["https://classeur.example/retour"],
    reapprovalDate: null,
  },
  {
    code: "rendez-vous-demo",
    name: "Prise de rendez-vous (démo, suspendu)",
    publisher: "Éditeur fictif Delta",
    description: `${FICTITIOUS} Suspendu pour la démonstration : il ne peut plus rien consulter, mais un patient connecté peut le déconnecter.`,
    category: "prise-de-rendez-vous",
    regions: [],
    thematics: ["soins-courants", "grossesse"],
    pricing: "free",
    status: "suspended",
    requestedPurposes: ["agenda:read", "agenda:write"],
    redirectUris: ["https://rendez-vous.example/retour"],
    reapprovalDate: null,
  },
];
