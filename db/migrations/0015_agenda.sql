CREATE TYPE "public"."appointment_author_kind" AS ENUM('patient', 'professional');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'fulfilled', 'cancelled', 'noshow');--> statement-breakpoint
CREATE TYPE "public"."appointment_with_kind" AS ENUM('practitioner', 'establishment');--> statement-breakpoint
CREATE TYPE "public"."preventive_status" AS ENUM('to_plan', 'done', 'not_done', 'not_specified');--> statement-breakpoint
CREATE TABLE "agenda_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"remind_on" date NOT NULL,
	"note" text,
	"slot" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_reminders_slot_range" CHECK ("agenda_reminders"."slot" between 1 and 10),
	CONSTRAINT "agenda_reminders_title_length" CHECK (char_length("agenda_reminders"."title") between 1 and 100),
	CONSTRAINT "agenda_reminders_note_length" CHECK (char_length("agenda_reminders"."note") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text,
	"with_kind" "appointment_with_kind" NOT NULL,
	"with_name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"address" text,
	"note" text,
	"author_kind" "appointment_author_kind" DEFAULT 'patient' NOT NULL,
	"author_professional_id" uuid,
	"status" "appointment_status",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_title_length" CHECK (char_length("appointments"."title") <= 100),
	CONSTRAINT "appointments_with_name_length" CHECK (char_length("appointments"."with_name") between 1 and 100),
	CONSTRAINT "appointments_address_length" CHECK (char_length("appointments"."address") <= 200),
	CONSTRAINT "appointments_note_length" CHECK (char_length("appointments"."note") <= 1000),
	CONSTRAINT "appointments_author_shape" CHECK (("appointments"."author_kind" = 'patient' and "appointments"."author_professional_id" is null and "appointments"."status" is null)
        or ("appointments"."author_kind" = 'professional' and "appointments"."author_professional_id" is not null and "appointments"."status" is not null))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"renewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "preventive_item_statuses" (
	"person_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"status" "preventive_status" NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preventive_item_statuses_done_on" CHECK ("preventive_item_statuses"."done_on" is null or "preventive_item_statuses"."status" = 'done')
);
--> statement-breakpoint
ALTER TABLE "agenda_reminders" ADD CONSTRAINT "agenda_reminders_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_author_professional_id_professionals_id_fk" FOREIGN KEY ("author_professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preventive_item_statuses" ADD CONSTRAINT "preventive_item_statuses_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_reminders_day_slot_index" ON "agenda_reminders" USING btree ("person_id","remind_on","slot");--> statement-breakpoint
CREATE INDEX "agenda_reminders_day_index" ON "agenda_reminders" USING btree ("remind_on");--> statement-breakpoint
CREATE INDEX "appointments_person_starts_index" ON "appointments" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_starts_index" ON "appointments" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_account_person_index" ON "calendar_feeds" USING btree ("account_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_index" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "preventive_item_statuses_person_item_index" ON "preventive_item_statuses" USING btree ("person_id","item_code");--> statement-breakpoint
CREATE INDEX "insured_persons_birth_date_index" ON "insured_persons" USING btree ("birth_date");