CREATE TYPE "public"."connected_service_pricing" AS ENUM('free', 'paid');--> statement-breakpoint
CREATE TYPE "public"."connected_service_status" AS ENUM('online', 'suspended', 'delisted');--> statement-breakpoint
CREATE TABLE "connected_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"thematics" text[] DEFAULT '{}'::text[] NOT NULL,
	"pricing" "connected_service_pricing" NOT NULL,
	"status" "connected_service_status" NOT NULL,
	"requested_purposes" text[] NOT NULL,
	"purposes_version" integer DEFAULT 1 NOT NULL,
	"reapproval_deadline" timestamp with time zone,
	"redirect_uris" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connected_services_code_unique" UNIQUE("code"),
	CONSTRAINT "connected_services_requests_something" CHECK (cardinality("connected_services"."requested_purposes") > 0),
	CONSTRAINT "connected_services_has_redirect" CHECK (cardinality("connected_services"."redirect_uris") > 0)
);
--> statement-breakpoint
CREATE TABLE "oauth_authorization_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"redirect_uri" text NOT NULL,
	"scope" text[] NOT NULL,
	"code_challenge" text NOT NULL,
	"code_challenge_method" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_authorization_codes_codeHash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "oauth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"access_token_hash" text NOT NULL,
	"access_token_expires_at" timestamp with time zone NOT NULL,
	"refresh_token_hash" text,
	"refresh_token_expires_at" timestamp with time zone,
	"connection_id" uuid NOT NULL,
	"scope" text[] NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_tokens_accessTokenHash_unique" UNIQUE("access_token_hash"),
	CONSTRAINT "oauth_tokens_refreshTokenHash_unique" UNIQUE("refresh_token_hash"),
	CONSTRAINT "oauth_tokens_refresh_has_expiry" CHECK (("oauth_tokens"."refresh_token_hash" is null) = ("oauth_tokens"."refresh_token_expires_at" is null))
);
--> statement-breakpoint
CREATE TABLE "service_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"granted_purposes" text[] NOT NULL,
	"approved_version" integer NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	"disconnected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_connections_grants_something" CHECK (cardinality("service_connections"."granted_purposes") > 0)
);
--> statement-breakpoint
ALTER TABLE "oauth_authorization_codes" ADD CONSTRAINT "oauth_authorization_codes_connection_id_service_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."service_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_tokens" ADD CONSTRAINT "oauth_tokens_connection_id_service_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."service_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_connections" ADD CONSTRAINT "service_connections_person_id_insured_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_connections" ADD CONSTRAINT "service_connections_service_id_connected_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."connected_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connected_services_category_index" ON "connected_services" USING btree ("category");--> statement-breakpoint
CREATE INDEX "oauth_authorization_codes_connection_index" ON "oauth_authorization_codes" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "oauth_tokens_connection_index" ON "oauth_tokens" USING btree ("connection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_connections_live_unique" ON "service_connections" USING btree ("person_id","service_id") WHERE "service_connections"."disconnected_at" is null;--> statement-breakpoint
CREATE INDEX "service_connections_service_index" ON "service_connections" USING btree ("service_id");