import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KEY_BYTES, type MasterKeyRing } from "./master-keys";

/**
 * Envelope encryption of documents at rest (AES-256-GCM). Each file gets a fresh data key; the
 * object in the store holds only ciphertext; the row holds the data key wrapped by a master key
 * named by its id. Both layers bind the document's id and owner as associated data, so an
 * object or a wrapped key moved to another row, or any changed, added or missing byte, fails
 * authentication and is refused. Rotating a master key re-wraps the small data keys only.
 *
 * Object layout: version (1 byte) | nonce (12) | ciphertext | tag (16).
 * Wrapped key layout: version (1 byte) | nonce (12) | encrypted data key (32) | tag (16).
 */
const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES;

/** Whose document this is: bound to every byte of it. */
export type DocumentBinding = { documentId: string; personId: string };

/** Raised for anything that does not decrypt: tampered, truncated, swapped, or an unknown master key. */
export class DocumentDecryptionError extends Error {
  constructor(reason: string) {
    super(`document refused: ${reason}`);
    this.name = "DocumentDecryptionError";
  }
}

function objectAad({ documentId, personId }: DocumentBinding): Buffer {
  return Buffer.from(`mes-document-object:v${FORMAT_VERSION}:${documentId.toLowerCase()}:${personId.toLowerCase()}`);
}

// The master key's id is not bound: rotation changes it, and a wrong id simply fails to decrypt.
function wrappingAad({ documentId, personId }: DocumentBinding): Buffer {
  return Buffer.from(`mes-document-key:v${FORMAT_VERSION}:${documentId.toLowerCase()}:${personId.toLowerCase()}`);
}

function seal(key: Buffer, plaintext: Uint8Array, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), nonce, body, cipher.getAuthTag()]);
}

function open(key: Buffer, sealed: Uint8Array, aad: Buffer, what: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.byteLength < HEADER_BYTES + TAG_BYTES) throw new DocumentDecryptionError(`${what} truncated`);
  if (bytes[0] !== FORMAT_VERSION) throw new DocumentDecryptionError(`${what} of an unknown format`);
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(1, HEADER_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.byteLength - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES, bytes.byteLength - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DocumentDecryptionError(`${what} fails authentication`);
  }
}

function masterKey(ring: MasterKeyRing, masterKeyId: string): Buffer {
  const key = ring.keys.get(masterKeyId);
  if (!key) throw new DocumentDecryptionError(`master key ${masterKeyId} is not configured`);
  return key;
}

export type EncryptedDocument = { object: Buffer; masterKeyId: string; wrappedDataKey: Buffer };

/** Encrypts a file under a fresh data key, wrapped by the current master key. */
export function encryptDocument(plaintext: Uint8Array, binding: DocumentBinding, ring: MasterKeyRing): EncryptedDocument {
  const dataKey = randomBytes(KEY_BYTES);
  try {
    return {
      object: seal(dataKey, plaintext, objectAad(binding)),
      masterKeyId: ring.currentId,
      wrappedDataKey: seal(masterKey(ring, ring.currentId), dataKey, wrappingAad(binding)),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** The file's bytes, or DocumentDecryptionError: never a byte of a file that does not authenticate. */
export function decryptDocument(
  encrypted: { object: Uint8Array; masterKeyId: string; wrappedDataKey: Uint8Array },
  binding: DocumentBinding,
  ring: MasterKeyRing,
): Buffer {
  const dataKey = open(masterKey(ring, encrypted.masterKeyId), encrypted.wrappedDataKey, wrappingAad(binding), "data key");
  try {
    return open(dataKey, encrypted.object, objectAad(binding), "object");
  } finally {
    dataKey.fill(0);
  }
}

/** The same data key wrapped by the current master key: what rotation writes, the object untouched. */
export function rewrapDataKey(
  wrapped: { masterKeyId: string; wrappedDataKey: Uint8Array },
  binding: DocumentBinding,
  ring: MasterKeyRing,
): { masterKeyId: string; wrappedDataKey: Buffer } {
  const dataKey = open(masterKey(ring, wrapped.masterKeyId), wrapped.wrappedDataKey, wrappingAad(binding), "data key");
  try {
    return { masterKeyId: ring.currentId, wrappedDataKey: seal(masterKey(ring, ring.currentId), dataKey, wrappingAad(binding)) };
  } finally {
    dataKey.fill(0);
  }
}
