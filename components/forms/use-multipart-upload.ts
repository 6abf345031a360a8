"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { FieldErrors, FormState } from "@/lib/form-state";

type Answer = { status: "added"; location: string } | { status: "error"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/**
 * A multipart form posted to one of the upload route handlers (lib/documents/upload-request.ts).
 * With JavaScript it goes through XMLHttpRequest, the only browser API that reports an upload's
 * progress; the handler answers JSON (where to go, or the errors); without JavaScript the same
 * form posts as plain multipart and the handler redirects.
 */
export function useMultipartUpload({ action, initialMessage, failureMessage }: { action: string; initialMessage?: string; failureMessage: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(initialMessage ? { status: "error", message: initialMessage } : { status: "idle" });
  const [progress, setProgress] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const request = new XMLHttpRequest();
    request.open("POST", action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    request.onload = () => {
      const answer = request.response as Answer | null;
      if (answer?.status === "added") {
        router.push(answer.location);
        return;
      }
      setProgress(null);
      setState({ status: "error", message: answer?.message ?? `${failureMessage} Réessayez.`, fieldErrors: answer?.fieldErrors, values: answer?.values });
    };
    request.onerror = () => {
      setProgress(null);
      setState({ status: "error", message: `La connexion a été interrompue : ${failureMessage.charAt(0).toLowerCase()}${failureMessage.slice(1)} Réessayez.` });
    };
    setProgress(0);
    setState({ status: "idle" });
    request.send(new FormData(form));
  }

  return { state, progress, submit };
}
