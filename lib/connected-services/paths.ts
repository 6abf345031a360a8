/** The patient's pages of "Catalogue" (app/(espace)/(frame)/catalogue). */
export const CATALOGUE_PATH = "/catalogue";

export function servicePath(serviceId: string): string {
  return `${CATALOGUE_PATH}/${serviceId}`;
}

/** The OAuth authorisation endpoint: the consent page a service sends the patient to (README). */
export const AUTHORIZATION_PATH = `${CATALOGUE_PATH}/autorisation`;

/** Where the service's page says what was just done: `?fait=connecte`. */
export const SERVICE_DONE_PARAMETER = "fait";
