/** The addresses of "Directives anticipées": the page (the online form and the upload) and the upload's handler. */
export const ADVANCE_DIRECTIVES_PATH = "/profil-medical/directives-anticipees";
export const ADVANCE_DIRECTIVES_UPLOAD_PATH = `${ADVANCE_DIRECTIVES_PATH}/televersement`;
