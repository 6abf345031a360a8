"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { idleTimeoutExplanation } from "@/lib/auth/messages";
import { authRules } from "@/lib/auth/rules";
import type { SessionTiming } from "@/lib/auth/sessions";

/** Checks again a little before the server's deadline, in case another tab kept the session alive. */
const RECHECK_MARGIN_MS = 1_000;

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} seconde${rest > 1 ? "s" : ""}`;
  return `${minutes} minute${minutes > 1 ? "s" : ""}${rest > 0 ? ` et ${rest} seconde${rest > 1 ? "s" : ""}` : ""}`;
}

/**
 * Warns before the session ends for inactivity (authRules.idleWarningMs, idleTimeoutMs), with "Rester connecté"
 * to extend it (WCAG 2.2.1), and sends the person to the login page once it has ended. The
 * server's session is the reference: the deadline is read from it after each navigation and
 * before warning, since another tab may have kept the session alive meanwhile.
 */
export type SessionActions = {
  logoutAction: () => Promise<void>;
  readSessionTimingAction: () => Promise<SessionTiming | null>;
  stayConnectedAction: () => Promise<SessionTiming | null>;
};

/**
 * Where an ended session leads: the patient space's login page comes back to the page left
 * (`callbackUrl`); /pro's always opens on the patient search, so it takes none.
 */
function loginPathAfterIdle(loginPath: string, pathname: string): string {
  const notice = `${loginPath}?motif=inactivite`;
  return loginPath === "/connexion" ? `${notice}&callbackUrl=${encodeURIComponent(pathname)}` : notice;
}

export function IdleTimeoutWarning({
  logoutAction,
  readSessionTimingAction,
  stayConnectedAction,
  loginPath = "/connexion",
}: SessionActions & { loginPath?: "/connexion" | "/pro/connexion" }) {
  const pathname = usePathname();
  const router = useRouter();
  const headingId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayButtonRef = useRef<HTMLButtonElement>(null);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [warningMs, setWarningMs] = useState<number>(authRules.idleWarningMs);
  const [isWarning, setIsWarning] = useState(false);
  const [remainingMs, setRemainingMs] = useState(0);
  const [isExtending, setIsExtending] = useState(false);

  const leave = useCallback(() => {
    router.replace(loginPathAfterIdle(loginPath, pathname));
  }, [loginPath, pathname, router]);

  const apply = useCallback(
    (timing: SessionTiming | null) => {
      if (!timing) {
        leave();
        return;
      }
      setWarningMs(timing.warningMs);
      setDeadline(Date.now() + timing.remainingMs);
      setIsWarning(timing.remainingMs <= timing.warningMs);
      setRemainingMs(timing.remainingMs);
    },
    [leave],
  );

  // After each navigation the page has recorded activity: read the new deadline.
  useEffect(() => {
    let isCurrent = true;
    readSessionTimingAction().then((timing) => {
      if (isCurrent) apply(timing);
    });
    return () => {
      isCurrent = false;
    };
  }, [pathname, apply, readSessionTimingAction]);

  // Before warning, and when the time is up, ask the server again.
  useEffect(() => {
    if (deadline === null || isWarning) return;
    const delay = Math.max(0, deadline - warningMs - Date.now() - RECHECK_MARGIN_MS);
    const timer = window.setTimeout(() => {
      readSessionTimingAction().then(apply);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [deadline, warningMs, isWarning, apply, readSessionTimingAction]);

  // The countdown, once warned.
  useEffect(() => {
    if (deadline === null || !isWarning) return;
    const timer = window.setInterval(() => {
      const left = deadline - Date.now();
      setRemainingMs(left);
      if (left <= 0) {
        window.clearInterval(timer);
        readSessionTimingAction().then(apply);
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, isWarning, apply, readSessionTimingAction]);

  // A tab coming back from the background may have missed its timers.
  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState === "visible") readSessionTimingAction().then(apply);
    };
    document.addEventListener("visibilitychange", recheck);
    return () => document.removeEventListener("visibilitychange", recheck);
  }, [apply, readSessionTimingAction]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isWarning && !dialog.open) {
      dialog.showModal();
      stayButtonRef.current?.focus();
    } else if (!isWarning && dialog.open) {
      dialog.close();
    }
  }, [isWarning]);

  async function stayConnected() {
    setIsExtending(true);
    try {
      apply(await stayConnectedAction());
    } finally {
      setIsExtending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      // Escape means "I am here": it extends the session like the button.
      onCancel={(event) => {
        event.preventDefault();
        void stayConnected();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border-2 border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-[rgb(2_6_23/0.6)]"
    >
      <div className="p-6">
        <h2 id={headingId} className="text-xl font-bold text-brand-900">
          Vous allez être déconnecté
        </h2>
        <div id={descriptionId} className="mt-3 space-y-2">
          <p>{idleTimeoutExplanation}</p>
          <p>
            Sans action de votre part, vous serez déconnecté dans <span className="font-semibold">{formatRemaining(remainingMs)}</span>.
          </p>
        </div>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-end">
          <form action={logoutAction}>
            <Button type="submit" variant="secondary">
              Se déconnecter
            </Button>
          </form>
          <Button ref={stayButtonRef} onClick={stayConnected} disabled={isExtending} aria-busy={isExtending || undefined}>
            Rester connecté
          </Button>
        </div>
      </div>
    </dialog>
  );
}
