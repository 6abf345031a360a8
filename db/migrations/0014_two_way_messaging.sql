CREATE TABLE "message_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"storage" "document_storage" NOT NULL,
	"storage_key" text NOT NULL,
	"master_key_id" text NOT NULL,
	"wrapped_data_key" "bytea" NOT NULL,
	"saved_document_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_attachments_not_empty" CHECK ("message_attachments"."byte_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "professional_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sender_professional_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "read_by_professional_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_saved_document_id_documents_id_fk" FOREIGN KEY ("saved_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attachments_message_id_index" ON "message_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "message_attachments_storage_storage_key_index" ON "message_attachments" USING btree ("storage","storage_key");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_professional_id_professionals_id_fk" FOREIGN KEY ("sender_professional_id") REFERENCES "public"."professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_professional_id_last_message_at_index" ON "conversations" USING btree ("professional_id","last_message_at");--> statement-breakpoint
CREATE INDEX "messages_unread_by_professional" ON "messages" USING btree ("conversation_id") WHERE "messages"."read_by_professional_at" is null;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_closed_by_a_professional" CHECK ("conversations"."closed_at" is null or "conversations"."professional_id" is not null);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_professional_sender_named" CHECK (("messages"."sender_kind" = 'professional') = ("messages"."sender_professional_id" is not null));--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_own_messages_read" CHECK ("messages"."sender_kind" <> 'patient' or "messages"."read_at" is not null);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_professional_reads_own" CHECK ("messages"."sender_kind" <> 'professional' or "messages"."read_by_professional_at" is not null);