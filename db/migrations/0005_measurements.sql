CREATE TYPE "public"."measurement_author_kind" AS ENUM('patient', 'professional', 'service');--> statement-breakpoint
CREATE TABLE "measurement_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"code" text NOT NULL,
	"value" numeric(10, 3) NOT NULL,
	"unit" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "diastolic_value" numeric(10, 3);--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "author_kind" "measurement_author_kind" DEFAULT 'patient' NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "author_name" text;--> statement-breakpoint
ALTER TABLE "measurement_targets" ADD CONSTRAINT "measurement_targets_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measurement_targets_person_id_code_index" ON "measurement_targets" USING btree ("person_id","code");--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_systolic_above_diastolic" CHECK ("measurements"."diastolic_value" is null or "measurements"."value" > "measurements"."diastolic_value");