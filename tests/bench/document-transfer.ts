import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/file-types";
import { UPLOAD_FIELDS } from "@/lib/documents/upload";
import type { BenchRequest } from "./visitors";

/** One direction's timings over the rounds, in milliseconds. */
export type TransferTimings = { medianMs: number; minMs: number };

export type DocumentTransferRun = {
  bytes: number;
  rounds: number;
  /** A bare Node HTTP server on loopback that takes the same multipart body and sends the same bytes back. */
  raw: { upload: TransferTimings; download: TransferTimings };
  /** The app: the upload route (stream, type, validation, encryption, storage, row and event) and the file route (decryption, event). */
  app: { upload: TransferTimings; download: TransferTimings };
  /** raw time / app time, upload then download and both together: 1 is as fast as a bare copy, the goal is ≥ 0.5. */
  ratio: { upload: number; download: number; total: number };
  error?: string;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const timingsOf = (values: number[]): TransferTimings => ({ medianMs: median(values), minMs: Math.min(...values) });

/** A text document of exactly the limit: accepted by the upload (lines of letters), the worst case for its checks. */
function largestDocument(): Buffer {
  const line = Buffer.from(`${"Compte rendu de suivi, ligne de texte ordinaire. ".repeat(3)}\n`, "utf8");
  const file = Buffer.alloc(MAX_DOCUMENT_BYTES);
  for (let offset = 0; offset < file.byteLength; offset += line.byteLength) line.copy(file, offset);
  file[file.byteLength - 1] = 0x0a;
  return file;
}

function uploadForm(file: Buffer): FormData {
  const form = new FormData();
  form.set(UPLOAD_FIELDS.title, "Mesure de débit");
  form.set(UPLOAD_FIELDS.date, "01/02/2026");
  form.set(UPLOAD_FIELDS.category, "AUTR_DOC");
  form.set(UPLOAD_FIELDS.folder, "");
  form.set(UPLOAD_FIELDS.file, new Blob([new Uint8Array(file)], { type: "text/plain" }), "debit.txt");
  return form;
}

/** The reference: receives a body whole and answers the same bytes, nothing else. */
async function startRawServer(file: Buffer) {
  const server = createServer((request, response) => {
    if (request.method === "POST") {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        Buffer.concat(chunks);
        response.writeHead(200, { "content-type": "application/json" }).end('{"status":"added"}');
      });
      return;
    }
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.byteLength) }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * A 5 MB document sent and fetched back, one at a time, against a bare loopback copy of the same
 * bytes: what encryption, storage and the checks cost over moving the bytes at all. Bounded: a
 * fixed number of rounds, loopback only.
 */
export async function measureDocumentTransfer({
  origin,
  request,
  rounds = 10,
}: {
  origin: string;
  request: BenchRequest;
  rounds?: number;
}): Promise<DocumentTransferRun> {
  const file = largestDocument();
  const raw = await startRawServer(file);
  const headers = { ...request.headers, origin, accept: "application/json" };
  const samples = { rawUp: [] as number[], rawDown: [] as number[], appUp: [] as number[], appDown: [] as number[] };
  try {
    // Two warm-up rounds, then the measured ones; raw and app alternate so that load drifts hit both alike.
    for (let round = -2; round < rounds; round += 1) {
      const rawUp = await timed(async () => (await fetch(`${raw.origin}/televersement`, { method: "POST", body: uploadForm(file) })).json());
      const rawDown = await timed(async () => (await fetch(`${raw.origin}/fichier`)).arrayBuffer());
      const appUp = await timed(async () => {
        const response = await fetch(`${origin}/documents/televersement`, { method: "POST", body: uploadForm(file), headers });
        const answer = (await response.json()) as { status: string; location?: string; message?: string };
        if (answer.status !== "added" || !answer.location) throw new Error(`upload refused (${response.status}): ${answer.message}`);
        return new URL(answer.location, origin).pathname.split("/").at(-1)!;
      });
      const appDown = await timed(async () => {
        const response = await fetch(`${origin}/documents/${appUp.value}/fichier?telechargement=1`, { headers: request.headers });
        if (response.status !== 200) throw new Error(`download answered ${response.status}`);
        return response.arrayBuffer();
      });
      if (rawDown.value.byteLength !== file.byteLength || appDown.value.byteLength !== file.byteLength) throw new Error("a copy came back short");
      if (!Buffer.from(appDown.value).equals(file)) throw new Error("the document came back different");
      if (round < 0) continue;
      samples.rawUp.push(rawUp.ms);
      samples.rawDown.push(rawDown.ms);
      samples.appUp.push(appUp.ms);
      samples.appDown.push(appDown.ms);
    }
  } finally {
    await raw.close();
  }
  const result = {
    raw: { upload: timingsOf(samples.rawUp), download: timingsOf(samples.rawDown) },
    app: { upload: timingsOf(samples.appUp), download: timingsOf(samples.appDown) },
  };
  return {
    bytes: file.byteLength,
    rounds,
    ...result,
    ratio: {
      upload: result.raw.upload.medianMs / result.app.upload.medianMs,
      download: result.raw.download.medianMs / result.app.download.medianMs,
      total: (result.raw.upload.medianMs + result.raw.download.medianMs) / (result.app.upload.medianMs + result.app.download.medianMs),
    },
  };
}

/** The table printed after the load tables. */
export function formatDocumentTransferTable(run: DocumentTransferRun): string {
  if (run.error) return `Document upload and download: not measured, ${run.error}`;
  const ms = (value: number) => value.toFixed(1);
  const rows = [
    ["", "raw loopback (median ms)", "app, encrypted (median ms)", "raw / app"],
    ["upload", ms(run.raw.upload.medianMs), ms(run.app.upload.medianMs), `${run.ratio.upload.toFixed(2)}×`],
    ["download", ms(run.raw.download.medianMs), ms(run.app.download.medianMs), `${run.ratio.download.toFixed(2)}×`],
    [
      "both",
      ms(run.raw.upload.medianMs + run.raw.download.medianMs),
      ms(run.app.upload.medianMs + run.app.download.medianMs),
      `${run.ratio.total.toFixed(2)}× (goal ≥ 0.5×)`,
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
  return [`Document of ${(run.bytes / 1_048_576).toFixed(0)} MiB, ${run.rounds} rounds each way`, ...lines].join("\n");
}
