CREATE TYPE "public"."notification_kind" AS ENUM('document_added', 'message_received', 'professional_access', 'emergency_access', 'appointment_reminder', 'agenda_reminder', 'preventive_item_due');--> statement-breakpoint
CREATE TABLE "email_preferences" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"new_document" boolean DEFAULT true NOT NULL,
	"new_message" boolean DEFAULT true NOT NULL,
	"prevention" boolean DEFAULT true NOT NULL,
	"screenings" boolean DEFAULT true NOT NULL,
	"connected_services" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"title" text NOT NULL,
	"path" text NOT NULL,
	"actor_name" text,
	"target_type" text,
	"target_id" uuid,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_path_is_internal" CHECK ("notifications"."path" like '/%' and "notifications"."path" not like '//%')
);
--> statement-breakpoint
ALTER TABLE "email_preferences" ADD CONSTRAINT "email_preferences_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_person_created_index" ON "notifications" USING btree ("person_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_person_unread_index" ON "notifications" USING btree ("person_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key_index" ON "notifications" USING btree ("dedupe_key");