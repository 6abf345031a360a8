CREATE TYPE "public"."activity_actor_kind" AS ENUM('patient', 'professional', 'service', 'system');--> statement-breakpoint
CREATE TYPE "public"."activity_group" AS ENUM('general', 'third_party_services', 'health_documents');--> statement-breakpoint
CREATE TABLE "activity_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_person_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" "activity_actor_kind" NOT NULL,
	"actor_account_id" uuid,
	"actor_name" text NOT NULL,
	"on_behalf_of" "representation_basis" NOT NULL,
	"action" text NOT NULL,
	"group" "activity_group" NOT NULL,
	"target_type" text,
	"target_id" uuid,
	"is_emergency" boolean DEFAULT false NOT NULL,
	"previous_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_subject_person_id_insured_persons_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_events_subject_at_id_index" ON "activity_events" USING btree ("subject_person_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "activity_events_subject_sequence_index" ON "activity_events" USING btree ("subject_person_id","sequence");--> statement-breakpoint
CREATE INDEX "activity_events_actor_account_id_index" ON "activity_events" USING btree ("actor_account_id") WHERE "activity_events"."actor_account_id" is not null;--> statement-breakpoint
-- Hand-written: the activity history is append-only; no statement may change or remove a row (docs/decisions/0010-activity-history.md).
CREATE FUNCTION "activity_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'activity_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "activity_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "activity_events" FOR EACH ROW EXECUTE FUNCTION "activity_events_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "activity_events_no_truncate" BEFORE TRUNCATE ON "activity_events" FOR EACH STATEMENT EXECUTE FUNCTION "activity_events_refuse_change"();
