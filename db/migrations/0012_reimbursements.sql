CREATE TYPE "public"."care_category" AS ENUM('medical-dental-care', 'medicine-vaccine', 'biology', 'imaging', 'hospital-stay', 'medical-device');--> statement-breakpoint
CREATE TYPE "public"."reimbursement_payee" AS ENUM('insured', 'professional', 'establishment');--> statement-breakpoint
CREATE TABLE "care_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"line_reference" text NOT NULL,
	"care_date" date NOT NULL,
	"category" "care_category" NOT NULL,
	"act_label" text NOT NULL,
	"act_code" text NOT NULL,
	"professional_rpps" text,
	"professional_name" text,
	"establishment_name" text,
	"is_minor_secret" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_events_lineReference_unique" UNIQUE("line_reference"),
	CONSTRAINT "care_events_rpps_has_11_digits" CHECK ("care_events"."professional_rpps" is null or "care_events"."professional_rpps" ~ '^[0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "health_history_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"is_hidden_from_professionals" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_lines" (
	"care_event_id" uuid PRIMARY KEY NOT NULL,
	"amount_paid_cents" integer NOT NULL,
	"reimbursement_base_cents" integer NOT NULL,
	"rate_percent" integer NOT NULL,
	"insurer_paid_cents" integer NOT NULL,
	"complementary_paid_cents" integer NOT NULL,
	"deductions_cents" integer NOT NULL,
	"payment_date" date NOT NULL,
	"payee" "reimbursement_payee" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_lines_amounts_not_negative" CHECK ("statement_lines"."amount_paid_cents" >= 0 and "statement_lines"."reimbursement_base_cents" >= 0 and "statement_lines"."insurer_paid_cents" >= 0 and "statement_lines"."complementary_paid_cents" >= 0 and "statement_lines"."deductions_cents" >= 0),
	CONSTRAINT "statement_lines_rate_is_a_percentage" CHECK ("statement_lines"."rate_percent" between 0 and 100),
	CONSTRAINT "statement_lines_paid_within_amount" CHECK ("statement_lines"."insurer_paid_cents" + "statement_lines"."complementary_paid_cents" <= "statement_lines"."amount_paid_cents")
);
--> statement-breakpoint
ALTER TABLE "care_events" ADD CONSTRAINT "care_events_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_history_settings" ADD CONSTRAINT "health_history_settings_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_care_event_id_care_events_id_fk" FOREIGN KEY ("care_event_id") REFERENCES "public"."care_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_events_person_date_id_index" ON "care_events" USING btree ("person_id","care_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "care_events_person_category_date_id_index" ON "care_events" USING btree ("person_id","category","care_date" DESC NULLS LAST,"id" DESC NULLS LAST);