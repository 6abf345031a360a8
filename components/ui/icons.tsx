/**
 * Small decorative icons. Each has its own shape so that a state never rests on colour alone; they
 * are hidden from assistive technologies, which get the same meaning as text.
 */
type IconProps = { className?: string };

const baseClassName = "h-5 w-5 shrink-0";

export function InfoIcon({ className = baseClassName }: IconProps) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 3.75a1.25 1.25 0 1 1 0 2.5 1.25 1.25 0 0 1 0-2.5ZM11.5 15h-3v-1.5h.75V10H8.5V8.5h2.25v5h.75V15Z" />
    </svg>
  );
}

export function SuccessIcon({ className = baseClassName }: IconProps) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-1.2 12.3L4.9 9.9 6 8.8l2.8 2.8 5.2-5.2 1.1 1.1-6.3 6.3Z" />
    </svg>
  );
}

export function WarningIcon({ className = baseClassName }: IconProps) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path d="M10 1.5 .8 18h18.4L10 1.5Zm.9 13.9H9.1v-1.8h1.8v1.8Zm0-3.3H9.1V7h1.8v5.1Z" />
    </svg>
  );
}

export function ErrorIcon({ className = baseClassName }: IconProps) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className={className} fill="currentColor">
      <path d="M6.5 1.5h7l5 5v7l-5 5h-7l-5-5v-7l5-5Zm.9 4.8L6.3 7.4 8.9 10l-2.6 2.6 1.1 1.1 2.6-2.6 2.6 2.6 1.1-1.1-2.6-2.6 2.6-2.6-1.1-1.1-2.6 2.6-2.6-2.6Z" />
    </svg>
  );
}

/** An unmet rule: an empty circle, a different shape from the tick of SuccessIcon. */
export function EmptyCircleIcon({ className = baseClassName }: IconProps) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="10" cy="10" r="7.5" />
    </svg>
  );
}
