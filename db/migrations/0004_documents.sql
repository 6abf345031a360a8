CREATE TYPE "public"."document_author_kind" AS ENUM('patient', 'professional', 'establishment', 'insurer', 'service');--> statement-breakpoint
CREATE TYPE "public"."document_category" AS ENUM('SYNTHESE', 'ORD_SOIN', 'RADIO_SC', 'BIOLOGIE', 'CPT_REND', 'DEPISTAG', 'CERT_MED', 'DOC_ADM', 'AUTR_DOC', 'SYNTH_PML', 'DIR_ANT');--> statement-breakpoint
CREATE TYPE "public"."document_storage" AS ENUM('database', 'disk', 's3');--> statement-breakpoint
CREATE TABLE "document_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_objects" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"hide_new_documents_from_professionals" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"document_date" date NOT NULL,
	"category" "document_category" NOT NULL,
	"folder_id" uuid,
	"author_kind" "document_author_kind" NOT NULL,
	"author_account_id" uuid,
	"author_professional_id" uuid,
	"author_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"is_hidden_from_professionals" boolean DEFAULT false NOT NULL,
	"is_hidden_from_legal_representatives" boolean DEFAULT false NOT NULL,
	"pinned_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"storage" "document_storage" NOT NULL,
	"storage_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"wrapped_data_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_folders" ADD CONSTRAINT "document_folders_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_folder_id_document_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."document_folders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_folders_person_name_unique" ON "document_folders" USING btree ("person_id",lower("name"));--> statement-breakpoint
CREATE INDEX "documents_person_uploaded_index" ON "documents" USING btree ("person_id","uploaded_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "documents_person_folder_index" ON "documents" USING btree ("person_id","folder_id");--> statement-breakpoint
CREATE INDEX "documents_master_key_index" ON "documents" USING btree ("master_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_storage_key_unique" ON "documents" USING btree ("storage","storage_key");