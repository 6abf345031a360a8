/** "Mes coordonnées sont incorrectes ?": the register belongs to the insurer, so the fix is there. */
export function WrongContactsHelp() {
  return (
    <details className="mt-6 rounded border border-slate-300 p-4">
      <summary className="cursor-pointer font-semibold text-brand-700">Mes coordonnées sont incorrectes ?</summary>
      <div className="mt-3 space-y-2">
        <p>
          Votre adresse e-mail et votre numéro de mobile sont ceux que votre caisse d&apos;assurance maladie nous a
          transmis. Je peux modifier mes coordonnées :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>depuis mon compte en ligne de ma caisse d&apos;assurance maladie ;</li>
          <li>en contactant directement ma caisse d&apos;assurance maladie (par téléphone ou à l&apos;accueil).</li>
        </ul>
        <p>Les nouvelles coordonnées sont prises en compte ici dès que votre caisse nous les a transmises.</p>
      </div>
    </details>
  );
}
