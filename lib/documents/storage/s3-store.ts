import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { DocumentStore, StoredObject } from "./types";

export type S3StoreOptions = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

/** Objects under this prefix, so that a bucket shared with other data is swept only there. */
const PREFIX = "documents/";

/** An S3-compatible bucket through the official AWS SDK (AWS itself, or a self-hosted server). */
export function createS3Store(options: S3StoreOptions): DocumentStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
  });
  const Bucket = options.bucket;
  return {
    kind: "s3",
    async put(_executor, key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: PREFIX + key, Body: bytes, ContentType: "application/octet-stream" }));
    },
    async get(_executor, key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key: PREFIX + key }));
        return response.Body ? await response.Body.transformToByteArray() : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async remove(_executor, key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: PREFIX + key }));
    },
    async *listOlderThan(_executor, before) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: PREFIX, ContinuationToken }));
        const batch: StoredObject[] = (page.Contents ?? [])
          .filter((object) => object.Key && object.LastModified && object.LastModified < before)
          .map((object) => ({ key: object.Key!.slice(PREFIX.length), createdAt: object.LastModified! }));
        if (batch.length > 0) yield batch;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
