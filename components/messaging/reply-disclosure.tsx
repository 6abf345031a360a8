"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { buttonClassName } from "@/components/ui/button";

/**
 * « Répondre »: the reply form stays folded under its button until asked for, so a long thread
 * reads first; opening it moves the focus to the « Message » box. An answer with errors comes
 * back open (`isOpenInitially`).
 */
export function ReplyDisclosure({ children, isOpenInitially = false }: { children: ReactNode; isOpenInitially?: boolean }) {
  const [isOpen, setIsOpen] = useState(isOpenInitially);
  const [isJustOpened, setIsJustOpened] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isJustOpened) region.current?.querySelector("textarea")?.focus();
  }, [isJustOpened]);
  return (
    <div className="mt-10">
      {isOpen ? null : (
        <button
          type="button"
          aria-expanded="false"
          aria-controls="formulaire-reponse"
          onClick={() => {
            setIsOpen(true);
            setIsJustOpened(true);
          }}
          className={buttonClassName()}
        >
          Répondre
        </button>
      )}
      <div id="formulaire-reponse" ref={region} hidden={!isOpen}>
        {children}
      </div>
    </div>
  );
}
