-- Encrypted objects do not compress: out-of-line storage without the compression attempt (decision 0014).
ALTER TABLE "document_objects" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
