import { Alert } from "@/components/ui/alert";
import { formatTimeFr } from "@/lib/format";
import type { AuthFormAction } from "@/lib/form-state";
import { CodeChannelForm } from "./code-channel-form";
import { CodeEntryForm } from "./code-entry-form";
import { ResendCodeForm } from "./resend-code-form";

type Channel = "email" | "sms";

type CodeStepProps = {
  /** The masked contacts on file, and the code last sent if it is still valid. */
  contacts: {
    email: string | null;
    mobile: string | null;
    sentCode: { channel: Channel; destination: string; validUntil: Date } | null;
  };
  /** What the code is called on this page: "code de connexion", "code de vérification". */
  codeName: string;
  /** Why a code is sent, shown before the channel is chosen. */
  intro: string;
  sendAction: AuthFormAction;
  verifyAction: AuthFormAction;
  /** True right after "Renvoyer un code". */
  isResent: boolean;
  callbackUrl?: string;
};

const channelNames: Record<Channel, string> = { email: "par e-mail", sms: "par SMS" };

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A one-time code step: choose "Par e-mail" or "Par SMS", then type the code, or have it sent again. */
export function CodeStep({ contacts, codeName, intro, sendAction, verifyAction, isResent, callbackUrl }: CodeStepProps) {
  const { sentCode } = contacts;
  if (!sentCode) {
    return (
      <>
        <p className="mt-4">{intro}</p>
        <CodeChannelForm action={sendAction} email={contacts.email} mobile={contacts.mobile} callbackUrl={callbackUrl} />
      </>
    );
  }
  const other =
    sentCode.channel === "email"
      ? contacts.mobile && { channel: "sms" as const, label: "Recevoir le code par SMS" }
      : contacts.email && { channel: "email" as const, label: "Recevoir le code par e-mail" };
  return (
    <>
      <div className="mt-6">
        <Alert variant="success" role="status">
          {isResent ? `Un nouveau ${codeName}` : `Un ${codeName}`} vous a été envoyé {channelNames[sentCode.channel]} à{" "}
          {sentCode.destination}. Il est valable jusqu&apos;à {formatTimeFr(sentCode.validUntil)} et ne peut servir
          qu&apos;une fois.
        </Alert>
      </div>
      <CodeEntryForm action={verifyAction} label={capitalize(codeName)} callbackUrl={callbackUrl} />
      <ResendCodeForm action={sendAction} channel={sentCode.channel} otherChannel={other || null} callbackUrl={callbackUrl} />
    </>
  );
}
