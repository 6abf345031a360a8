import { describe, expect, it } from "vitest";
import { pdfFile } from "@/tests/support/document-files";
import { MAX_DOCUMENT_BYTES } from "./file-types";
import { UPLOAD_FIELDS, readUploadForm } from "./upload";

const BOUNDARY = "----frontiere-de-test";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function fieldPart(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

function fileHead(name: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${UPLOAD_FIELDS.file}"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
}

const encoder = new TextEncoder();

/**
 * A multipart body whose file part is `fileBytes` long, generated chunk by chunk on demand: it
 * never exists whole. Pulling more than `failAfter` bytes errors the stream, which proves the
 * reader stopped before.
 */
function generatedBody(fileBytes: number, failAfter: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const state = { pulled: 0 };
  let sentHead = false;
  let remaining = fileBytes;
  let sentTail = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled > failAfter) {
        controller.error(new Error(`read past ${failAfter} bytes`));
        return;
      }
      let next: Uint8Array;
      if (!sentHead) {
        sentHead = true;
        next = encoder.encode(fieldPart(UPLOAD_FIELDS.title, "Radio") + fileHead("radio.pdf"));
      } else if (remaining > 0) {
        next = chunk.subarray(0, Math.min(chunk.byteLength, remaining));
        remaining -= next.byteLength;
      } else if (!sentTail) {
        sentTail = true;
        next = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
      } else {
        controller.close();
        return;
      }
      state.pulled += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, state };
}

describe("reading an upload as it streams in", () => {
  it("stops reading a 50 MB body soon after the file passes the limit, and says it is too large", async () => {
    const failAfter = 6 * 1024 * 1024;
    const body = generatedBody(50 * 1024 * 1024, failAfter);
    const reading = await readUploadForm(body.stream, CONTENT_TYPE);
    expect(reading.status).toBe("too-large");
    expect(body.state.pulled).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    expect(body.state.pulled).toBeLessThanOrEqual(failAfter + 64 * 1024);
  });

  it("reads a file of exactly the limit, with its fields", async () => {
    const body = generatedBody(MAX_DOCUMENT_BYTES, 2 * MAX_DOCUMENT_BYTES);
    const reading = await readUploadForm(body.stream, CONTENT_TYPE);
    expect(reading.status).toBe("read");
    if (reading.status !== "read") return;
    expect(reading.form.fields[UPLOAD_FIELDS.title]).toBe("Radio");
    expect(reading.form.file?.name).toBe("radio.pdf");
    expect(reading.form.file?.bytes.byteLength).toBe(MAX_DOCUMENT_BYTES);
  });

  it("reads a small form whole", async () => {
    const file = pdfFile();
    const body = new Blob([fieldPart(UPLOAD_FIELDS.date, "03/02/2026"), fileHead("cr.pdf"), new Uint8Array(file), `\r\n--${BOUNDARY}--\r\n`]);
    const reading = await readUploadForm(body.stream(), CONTENT_TYPE);
    expect(reading).toMatchObject({ status: "read", form: { fields: { [UPLOAD_FIELDS.date]: "03/02/2026" }, file: { name: "cr.pdf" } } });
    if (reading.status === "read") expect(Buffer.compare(reading.form.file!.bytes, file)).toBe(0);
  });

  it("calls anything else malformed", async () => {
    expect((await readUploadForm(new Blob(["pas du multipart"]).stream(), "text/plain")).status).toBe("malformed");
    expect((await readUploadForm(new Blob(["--x\r\ngarbage"]).stream(), "multipart/form-data")).status).toBe("malformed");
    const truncated = new Blob([fileHead("cr.pdf"), "%PDF-1.4 sans fin"]);
    expect((await readUploadForm(truncated.stream(), CONTENT_TYPE)).status).toBe("malformed");
    const oversizedField = new Blob([fieldPart(UPLOAD_FIELDS.title, "x".repeat(5000)), `--${BOUNDARY}--\r\n`]);
    expect((await readUploadForm(oversizedField.stream(), CONTENT_TYPE)).status).toBe("malformed");
  });
});
