export function DemoNotice() {
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      Version de <strong>démonstration</strong> : aucun e-mail ni SMS n&apos;est réellement envoyé. Les messages
      sont lisibles dans la <a className="underline" href="/dev/outbox">boîte d&apos;envoi locale</a>.
    </div>
  );
}
