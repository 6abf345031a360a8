import fc from "fast-check";
import { isJson } from "@/lib/http/request-filter";
import type { CapturedAction } from "./replay";
import type { FieldValues } from "./server-actions";

/**
 * Arbitrary form bodies for a captured server action: React's envelope (which action, its bound
 * arguments, the previous state) is kept as the browser wrote it, and the form's fields are
 * replaced by anything a person or a script could send: any text (control characters, unicode,
 * very long), files where text is expected, fields missing, repeated or unknown.
 */

export type FuzzValue = string | { fileName: string; type: string; bytes: Uint8Array };
export type FuzzFields = readonly (readonly [string, FuzzValue])[];

/** The captured body taken apart: React's own parts, the prefix its form fields carry, and those fields as the person filled them. */
export type FormTemplate = {
  envelope: [string, FormDataEntryValue][];
  prefix: string;
  fieldNames: string[];
  fields: [string, FormDataEntryValue][];
};

/** Null for an action posted as JSON text (one without a form: it takes no field). */
export async function readFormTemplate(captured: CapturedAction): Promise<FormTemplate | null> {
  const contentType = captured.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) return null;
  const form = await new Response(new Uint8Array(captured.body), { headers: { "content-type": contentType } }).formData();
  const entries = [...form.entries()];
  // The argument list points at the form's fields with "$K<id>"; React names them "_<id>_<field>".
  const formId = /"\$K([0-9a-f]+)"/.exec(String(form.get("0") ?? ""))?.[1];
  const prefix = formId === undefined ? "" : `_${formId}_`;
  const isField = (name: string) => formId !== undefined && name.startsWith(prefix) && !name.includes("$ACTION");
  const fields = entries.filter(([name]) => isField(name)).map(([name, value]): [string, FormDataEntryValue] => [name.slice(prefix.length), value]);
  return {
    envelope: entries.filter(([name]) => !isField(name)),
    prefix,
    fieldNames: [...new Set(fields.map(([name]) => name))],
    fields,
  };
}

/** The captured form with some fields changed, the others as the person filled them. */
export async function bodyWithFields(captured: CapturedAction, changes: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const template = await readFormTemplate(captured);
  if (!template) throw new Error(`action ${captured.actionId} was not posted as a form`);
  const kept = template.fields.filter(([name]) => !(name in changes)).map(([name, value]): [string, string] => [name, String(value)]);
  return buildFormBody(template, [...kept, ...Object.entries(changes)]);
}

/** Texts that have broken parsers before, mixed in with fast-check's own. */
const NASTY_TEXTS = [
  "",
  " ",
  "\u0000",
  "\r\n\r\n",
  "' OR '1'='1",
  "'; drop table accounts; --",
  "<script>alert(1)</script>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "\u202e\u0041\u200b",
  "𝕸𝖔𝖓 𝖊𝖘𝖕𝖆𝖈𝖊 🏥",
  "NaN",
  "-1",
  "1e309",
  "0x10",
  "99999999999999999999999999",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  '{"__proto__":{"admin":true}}',
  "$K1",
  "$@0",
  "a".repeat(10_000),
  "é".repeat(70_000),
];

const textArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 256 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9 ]{0,20}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z0-9-]{0,12}$/) },
);

const fileArbitrary: fc.Arbitrary<FuzzValue> = fc.record({
  fileName: fc.oneof(fc.string({ maxLength: 30 }), fc.constant("../../x.pdf")),
  type: fc.constantFrom("application/pdf", "text/plain", "image/png", "application/octet-stream", ""),
  bytes: fc.uint8Array({ maxLength: 2048 }),
});

const valueArbitrary: fc.Arbitrary<FuzzValue> = fc.oneof({ weight: 9, arbitrary: textArbitrary }, { weight: 1, arbitrary: fileArbitrary });

/**
 * The form's fields, each absent, once or twice, with arbitrary values, plus unknown fields
 * (React's own names among them), in any order.
 */
export function fieldsArbitrary(fieldNames: readonly string[]): fc.Arbitrary<FuzzFields> {
  const known = fieldNames.map((name) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as [string, FuzzValue][]) },
      { weight: 6, arbitrary: valueArbitrary.map((value) => [[name, value]] as [string, FuzzValue][]) },
      { weight: 1, arbitrary: fc.tuple(valueArbitrary, valueArbitrary).map(([a, b]) => [[name, a], [name, b]] as [string, FuzzValue][]) },
    ),
  );
  const unknownName = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("$ACTION_ID_0", "__proto__", "constructor", "callbackUrl", "step"));
  const unknown = fc.array(fc.tuple(unknownName, valueArbitrary), { maxLength: 3 });
  return fc.tuple(fc.tuple(...known), unknown).chain(([groups, extra]) => fc.shuffledSubarray([...groups.flat(), ...extra], { minLength: groups.flat().length + extra.length }));
}

/** What the action reads from these fields with FormData.get: the first value of each, text only. */
export function valuesOf(fields: FuzzFields): FieldValues {
  const values: FieldValues = {};
  for (const [name, value] of fields) {
    if (name in values) continue;
    values[name] = typeof value === "string" ? value : undefined;
  }
  return values;
}

/** A multipart body: React's envelope, then the fuzzed fields under the form's prefix. */
export async function buildFormBody(template: FormTemplate, fields: FuzzFields): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  // As the browser orders them: React decodes the parts as they stream in, and its numbered parts
  // ("0", the argument list) come last, once the form's fields they point to have arrived.
  const isNumbered = ([name]: [string, FormDataEntryValue]) => /^\d+$/.test(name);
  for (const [name, value] of template.envelope.filter((part) => !isNumbered(part))) form.append(name, value);
  for (const [name, value] of fields) {
    const key = `${template.prefix}${name}`;
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.fileName);
  }
  for (const [name, value] of template.envelope.filter(isNumbered)) form.append(name, value);
  const request = new Request("http://fuzz.invalid/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/** JSON argument lists for actions posted as text (they take no argument, or plain values): no React reference ("$…") in them. */
export const jsonArgumentsArbitrary: fc.Arbitrary<string> = fc
  .array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 })
  .filter((values) => !JSON.stringify(values).includes('"$'))
  .map((values) => JSON.stringify(values));

/**
 * Bodies Next.js cannot decode: another encoding, a broken multipart frame, JSON that does not
 * parse where React puts JSON. The proxy answers them 400 before Next.js does with a 500.
 */
export function malformedBodyArbitrary(captured: CapturedAction): fc.Arbitrary<{ body: Buffer; contentType: string }> {
  const original = captured.body;
  const contentType = captured.headers["content-type"] ?? "text/plain;charset=UTF-8";
  // Cut at least into the closing boundary ("--…--\r\n", 40-odd bytes): what is left cannot be a whole form.
  const longestCut = contentType.startsWith("multipart/") ? original.length - 10 : original.length - 1;
  return fc.oneof(
    fc.nat({ max: Math.max(0, longestCut) }).map((length) => ({ body: original.subarray(0, length), contentType })),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ body: Buffer.from(bytes), contentType })),
    fc
      .string({ maxLength: 64 })
      .filter((text) => !isJson(text) || !Array.isArray(JSON.parse(text)))
      .map((text) => ({ body: Buffer.from(text), contentType: "text/plain;charset=UTF-8" })),
    fc
      .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
      .filter(([name]) => !/^(?:\d+$|_[0-9a-f]+_)/.test(name))
      .map(([name, value]) => ({
        body: Buffer.concat([
          Buffer.from(`--stray\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--stray\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n\\]/g, "")}"\r\n\r\n`),
          Buffer.from(`${value}\r\n--stray--\r\n`),
        ]),
        contentType: "multipart/form-data; boundary=stray",
      })),
    fc.constantFrom("application/json", "application/x-www-form-urlencoded", "multipart/form-data", "image/png", "").map((type) => ({
      body: original,
      contentType: type,
    })),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((text) => !isJson(text))
      .map((broken) => ({
        body: Buffer.from(`--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n${broken}\r\n--fuzz--\r\n`),
        contentType: "multipart/form-data; boundary=fuzz",
      })),
  );
}
