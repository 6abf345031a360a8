"use client";

import { useEffect, useId, useRef, useState } from "react";

export type SwitchableSpace = { personId: string; fullName: string };

type ProfileSwitcherProps = {
  spaces: SwitchableSpace[];
  currentPersonId: string;
  changeProfileAction: (formData: FormData) => Promise<void>;
};

/**
 * "Changer de profil": a disclosure button revealing the spaces the signed-in person may open,
 * each a button named by the person's full name (the open one marked as current). A disclosure
 * rather than an ARIA menu: the list holds ordinary buttons reached with Tab, which every
 * assistive tool handles; Escape closes it and gives focus back to the button.
 */
export function ProfileSwitcher({ spaces, currentPersonId, changeProfileAction }: ProfileSwitcherProps) {
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [isOpen]);

  return (
    <div
      ref={containerRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          setIsOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={isOpen ? listId : undefined}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex min-h-11 items-center gap-2 rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
      >
        Changer de profil
        <span aria-hidden="true">{isOpen ? "▴" : "▾"}</span>
      </button>
      {/* Rendered only while open: closed, the names are not on the page twice (the header shows the current one). */}
      {isOpen ? (
        <ul
          id={listId}
          className="absolute right-0 z-10 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded border-2 border-slate-300 bg-white p-2 shadow-lg"
        >
          {spaces.map((space) => {
            const isCurrent = space.personId === currentPersonId;
            return (
              <li key={space.personId}>
                <form action={changeProfileAction}>
                  <input type="hidden" name="personId" value={space.personId} />
                  <button
                    type="submit"
                    aria-current={isCurrent ? "true" : undefined}
                    className={[
                      "flex min-h-11 w-full items-center justify-between gap-2 rounded px-3 py-2 text-left",
                      isCurrent ? "bg-brand-50 font-semibold text-brand-900" : "text-slate-900 hover:bg-slate-100",
                    ].join(" ")}
                  >
                    {space.fullName}
                    {isCurrent ? <span aria-hidden="true">✓</span> : null}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
