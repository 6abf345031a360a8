import type { ReactNode } from "react";
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from "@/components/ui/icons";

export type AlertVariant = "info" | "success" | "warning" | "error";

type AlertProps = {
  variant: AlertVariant;
  title?: string;
  children?: ReactNode;
  /** "alert" for an error that must interrupt, "status" for a polite announcement; none for static text. */
  role?: "alert" | "status";
  id?: string;
};

const variants: Record<AlertVariant, { label: string; className: string; Icon: typeof InfoIcon }> = {
  info: { label: "Information", className: "border-brand-700 bg-brand-50 text-brand-900", Icon: InfoIcon },
  success: { label: "Succès", className: "border-success-700 bg-green-50 text-success-700", Icon: SuccessIcon },
  warning: { label: "Attention", className: "border-amber-700 bg-amber-50 text-amber-950", Icon: WarningIcon },
  error: { label: "Erreur", className: "border-danger-700 bg-red-50 text-danger-700", Icon: ErrorIcon },
};

/**
 * A boxed message. Its kind is given three ways: the colour, an icon of its own shape, and a word
 * read by screen readers ("Erreur : …"), so that no one depends on colour alone (RGAA 3.1).
 */
export function Alert({ variant, title, children, role, id }: AlertProps) {
  const { label, className, Icon } = variants[variant];
  return (
    <div id={id} role={role} className={`flex gap-3 rounded border-l-4 p-4 ${className}`}>
      <Icon className="mt-0.5 h-5 w-5 shrink-0" />
      <div className="min-w-0 flex-1 text-slate-900">
        {title ? (
          <p className="font-semibold">
            <span className="sr-only">{label} : </span>
            {title}
          </p>
        ) : null}
        {children || !title ? (
          <div className={title ? "mt-1" : undefined}>
            {title ? null : <span className="sr-only">{label} : </span>}
            {children}
          </div>
        ) : null}
      </div>
    </div>
  );
}
