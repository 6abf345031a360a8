CREATE TYPE "public"."blood_group" AS ENUM('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-');--> statement-breakpoint
CREATE TYPE "public"."profile_disability_rate" AS ENUM('under-50', '50-to-79', '80-or-more', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."profile_disability_type" AS ENUM('sensory', 'neurodevelopmental', 'psychic', 'motor', 'multiple', 'disabling-disease', 'other');--> statement-breakpoint
CREATE TYPE "public"."profile_duration_unit" AS ENUM('day', 'week', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."entourage_relation" AS ENUM('mother', 'father', 'child', 'spouse', 'guardian', 'other');--> statement-breakpoint
CREATE TYPE "public"."profile_family_relationship" AS ENUM('mother', 'father', 'grandmother', 'grandfather', 'sister', 'brother', 'great-grandmother', 'great-grandfather', 'aunt', 'uncle', 'other');--> statement-breakpoint
CREATE TYPE "public"."health_professional_role" AS ENUM('general-practitioner', 'pharmacist', 'midwife');--> statement-breakpoint
CREATE TYPE "public"."profile_human_help" AS ENUM('yes', 'no', 'none');--> statement-breakpoint
CREATE TYPE "public"."profile_author_kind" AS ENUM('patient', 'professional');--> statement-breakpoint
CREATE TYPE "public"."profile_vaccine_administration" AS ENUM('primary', 'booster', 'single');--> statement-breakpoint
ALTER TYPE "public"."profile_section" ADD VALUE 'disability';--> statement-breakpoint
CREATE TABLE "blood_groups" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"blood_group" "blood_group" NOT NULL,
	"author_kind" "profile_author_kind" DEFAULT 'patient' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entourage_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"relation" "entourage_relation" NOT NULL,
	"mobile" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"address" text,
	"is_trusted_person" boolean DEFAULT false NOT NULL,
	"is_emergency_contact" boolean DEFAULT false NOT NULL,
	"is_caregiver" boolean DEFAULT false NOT NULL,
	"is_hidden_from_professionals" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_professional_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"speciality" text NOT NULL,
	"phone" text,
	"address" text,
	"role" "health_professional_role",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lifestyle_answers" (
	"person_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lifestyle_answers_person_id_question_pk" PRIMARY KEY("person_id","question")
);
--> statement-breakpoint
CREATE TABLE "organ_donation_statements" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"informed_at" timestamp with time zone NOT NULL,
	"is_hidden_from_professionals" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_section_declarations" (
	"person_id" uuid NOT NULL,
	"section" "profile_section" NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "profile_section_declarations_person_id_section_pk" PRIMARY KEY("person_id","section")
);
--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "start_year" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "start_month" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "start_day" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "end_year" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "end_month" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "end_day" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "is_ongoing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "dosage" text;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "duration_value" integer;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "duration_unit" "profile_duration_unit";--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "disability_types" "profile_disability_type"[];--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "disability_rate" "profile_disability_rate";--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "technical_help" text;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "human_help" "profile_human_help";--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "family_relationship" "profile_family_relationship";--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "vaccine_administration" "profile_vaccine_administration";--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "lot_number" text;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "performer" text;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "author_kind" "profile_author_kind" DEFAULT 'patient' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "confirmed_by_professional_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "blood_groups" ADD CONSTRAINT "blood_groups_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entourage_contacts" ADD CONSTRAINT "entourage_contacts_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_professional_contacts" ADD CONSTRAINT "health_professional_contacts_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifestyle_answers" ADD CONSTRAINT "lifestyle_answers_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organ_donation_statements" ADD CONSTRAINT "organ_donation_statements_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_section_declarations" ADD CONSTRAINT "profile_section_declarations_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entourage_contacts_person_id_index" ON "entourage_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entourage_contacts_one_trusted_person" ON "entourage_contacts" USING btree ("person_id") WHERE "entourage_contacts"."is_trusted_person";--> statement-breakpoint
CREATE INDEX "health_professional_contacts_person_id_index" ON "health_professional_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "health_professional_contacts_one_per_role" ON "health_professional_contacts" USING btree ("person_id","role") WHERE "health_professional_contacts"."role" is not null;