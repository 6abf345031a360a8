CREATE TABLE "account_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_events_account_at_index" ON "account_events" USING btree ("account_id","at" DESC NULLS LAST);--> statement-breakpoint
-- Hand-written: an account's history is append-only, as the activity history is (docs/decisions/0010-activity-history.md).
CREATE FUNCTION "account_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'account_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "account_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "account_events" FOR EACH ROW EXECUTE FUNCTION "account_events_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "account_events_no_truncate" BEFORE TRUNCATE ON "account_events" FOR EACH STATEMENT EXECUTE FUNCTION "account_events_refuse_change"();
