export type ProfileItemView = { id: string; label: string; details: string | null; isHiddenFromProfessionals: boolean };

/** The items of one section of the profile, or what an empty section honestly says. */
export function ProfileItems({ items, emptyText }: { items: ProfileItemView[]; emptyText: string }) {
  if (items.length === 0) return <p className="mt-3 text-slate-700">{emptyText}</p>;
  return (
    <ul className="mt-3 list-disc space-y-2 pl-6">
      {items.map((item) => (
        <li key={item.id} className="break-words">
          <span className="font-semibold text-slate-900">{item.label}</span>
          {item.details ? <span className="block text-slate-700">{item.details}</span> : null}
          {item.isHiddenFromProfessionals ? (
            <span className="block text-sm text-slate-700">Masqué aux professionnels de santé</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
