CREATE TYPE "public"."emergency_access_kind" AS ENUM('emergency_medical_service', 'other_professional');--> statement-breakpoint
CREATE TYPE "public"."professional_access_status" AS ENUM('authorised', 'blocked', 'withdrawn');--> statement-breakpoint
CREATE TABLE "access_matrix_entries" (
	"profession_code" text NOT NULL,
	"document_type_code" text NOT NULL,
	"is_accessible" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_matrix_entries_profession_code_document_type_code_pk" PRIMARY KEY("profession_code","document_type_code")
);
--> statement-breakpoint
CREATE TABLE "emergency_access_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"allows_emergency_medical_service" boolean DEFAULT true NOT NULL,
	"allows_other_professionals" boolean DEFAULT true NOT NULL,
	"includes_masked_documents" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_access_settings_masked_needs_a_switch" CHECK (not "emergency_access_settings"."includes_masked_documents" or "emergency_access_settings"."allows_emergency_medical_service" or "emergency_access_settings"."allows_other_professionals")
);
--> statement-breakpoint
CREATE TABLE "emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"professional_id" uuid NOT NULL,
	"kind" "emergency_access_kind" NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"professional_id" uuid NOT NULL,
	"status" "professional_access_status" NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"consent_recorded_at" timestamp with time zone,
	"is_administrator" boolean DEFAULT false NOT NULL,
	"first_access_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "professional_accesses_administrator_authorised" CHECK (not "professional_accesses"."is_administrator" or "professional_accesses"."status" = 'authorised')
);
--> statement-breakpoint
CREATE TABLE "professionals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rpps" text NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"profession_code" text NOT NULL,
	"specialty" text,
	"structure_name" text,
	"city" text,
	"email" text,
	"mobile" text,
	"is_emergency_medical_service" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "professionals_rpps_unique" UNIQUE("rpps")
);
--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "professional_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "type_code" text;--> statement-breakpoint
UPDATE "documents" SET "type_code" = CASE "category"
	WHEN 'SYNTHESE' THEN 'DOCPAT01' WHEN 'ORD_SOIN' THEN 'DOCPAT02' WHEN 'CPT_REND' THEN 'DOCPAT03'
	WHEN 'RADIO_SC' THEN 'DOCPAT04' WHEN 'BIOLOGIE' THEN 'DOCPAT05' WHEN 'DEPISTAG' THEN 'DOCPAT06'
	WHEN 'CERT_MED' THEN 'DOCPAT07' WHEN 'SYNTH_PML' THEN 'DOCPAT08' WHEN 'DOC_ADM' THEN 'DOCPAT09'
	WHEN 'AUTR_DOC' THEN 'EXPPAT_2' WHEN 'DIR_ANT' THEN 'EXPPAT_3' END;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "type_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "emergency_access_settings" ADD CONSTRAINT "emergency_access_settings_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_accesses" ADD CONSTRAINT "professional_accesses_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_accesses" ADD CONSTRAINT "professional_accesses_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_accesses_person_professional_index" ON "emergency_accesses" USING btree ("person_id","professional_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "professional_accesses_person_professional_unique" ON "professional_accesses" USING btree ("person_id","professional_id");--> statement-breakpoint
CREATE INDEX "professional_accesses_professional_index" ON "professional_accesses" USING btree ("professional_id");--> statement-breakpoint
CREATE INDEX "professionals_profession_index" ON "professionals" USING btree ("profession_code");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_author_professional_id_professionals_id_fk" FOREIGN KEY ("author_professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_professionalId_unique" UNIQUE("professional_id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_professional_has_professional" CHECK (("accounts"."kind" = 'professional') = ("accounts"."professional_id" is not null));--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_patient_has_password" CHECK ("accounts"."kind" <> 'patient' or "accounts"."password_hash" is not null);