import { Link } from "@/components/ui/link";
import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary";

type ButtonStyleOptions = {
  variant?: ButtonVariant;
  isFullWidth?: boolean;
};

const variantClassNames: Record<ButtonVariant, string> = {
  primary: "border-brand-700 bg-brand-700 text-white hover:border-brand-900 hover:bg-brand-900",
  secondary: "border-brand-700 bg-white text-brand-700 hover:bg-brand-50",
};

/**
 * Shared by buttons and links styled as buttons: at least 44 px high (WCAG 2.5.5 target size on
 * touch screens), a 2 px border so both variants keep their shape in forced-colours mode.
 */
export function buttonClassName({ variant = "primary", isFullWidth = false }: ButtonStyleOptions = {}): string {
  return [
    "inline-flex min-h-11 items-center justify-center gap-2 rounded border-2 px-5 py-2 text-center text-base font-semibold",
    "disabled:cursor-not-allowed disabled:opacity-70 aria-busy:cursor-progress",
    variantClassNames[variant],
    isFullWidth ? "w-full" : "w-full sm:w-auto",
  ].join(" ");
}

type ButtonProps = Omit<ComponentProps<"button">, "className"> & ButtonStyleOptions;

export function Button({ variant, isFullWidth, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, isFullWidth })} {...props} />;
}

type ButtonLinkProps = Omit<ComponentProps<typeof Link>, "className"> & ButtonStyleOptions;

export function ButtonLink({ variant, isFullWidth, ...props }: ButtonLinkProps) {
  return <Link className={buttonClassName({ variant, isFullWidth })} {...props} />;
}
