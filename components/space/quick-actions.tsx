import { Link } from "@/components/ui/link";

export type QuickAction = { href: string; label: string; description: string };

/** The shortcuts at the top of Accueil, each a link to a page where it can be done. */
export function QuickActions({ actions }: { actions: QuickAction[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {actions.map((action) => (
        <li key={action.href} className="relative rounded-lg border-2 border-slate-300 bg-white p-4 hover:border-brand-700">
          <Link
            href={action.href}
            className="text-lg font-bold text-brand-700 underline-offset-4 after:absolute after:inset-0 after:content-[''] hover:underline"
          >
            {action.label}
          </Link>
          <p className="mt-1 text-slate-700">{action.description}</p>
        </li>
      ))}
    </ul>
  );
}
