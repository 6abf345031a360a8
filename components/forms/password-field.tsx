"use client";

import { useEffect, useRef, useState } from "react";
import { TextField, type TextFieldProps } from "@/components/forms/text-field";

export type PasswordFieldProps = Omit<TextFieldProps, "type" | "addon" | "suffix" | "ref">;

/**
 * A password input with an "Afficher" / "Masquer" button. Only the input's type changes, so the
 * field keeps its accessible name; the button names the field it controls, so two password fields
 * on one page ("Mot de passe", "Confirmer le mot de passe") keep distinct buttons.
 */
export function PasswordField({ id, name, label, ...props }: PasswordFieldProps) {
  const fieldId = id ?? name;
  const [isVisible, setIsVisible] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  // Back to dots when the form is sent: the browser then treats the value as a password again.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const hide = () => setIsVisible(false);
    form.addEventListener("submit", hide);
    return () => form.removeEventListener("submit", hide);
  }, []);

  function toggleVisibility() {
    setIsVisible(!isVisible);
    setAnnouncement(isVisible ? "Le contenu du champ est masqué." : "Le contenu du champ est affiché.");
  }

  return (
    <div>
      <TextField
        {...props}
        ref={inputRef}
        id={fieldId}
        name={name}
        label={label}
        type={isVisible ? "text" : "password"}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        addon={
          <button
            type="button"
            aria-controls={fieldId}
            onClick={toggleVisibility}
            className="min-h-11 min-w-24 shrink-0 rounded border-2 border-brand-700 bg-white px-3 font-semibold text-brand-700 hover:bg-brand-50"
          >
            {isVisible ? "Masquer" : "Afficher"}
            <span className="sr-only"> le champ « {label} »</span>
          </button>
        }
      />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
