import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/form-state";

type FormMessageProps = {
  state: Pick<FormState, "status" | "message">;
  id?: string;
};

/**
 * The form-level outcome of an action. An error is inserted with role="alert", which screen readers
 * announce on insertion; a success goes into a status region that is always present, because polite
 * regions are only announced when their content changes. Errors tied to a field belong to the field
 * and to the ErrorSummary, not here.
 */
export function FormMessage({ state, id }: FormMessageProps) {
  const isError = state.status === "error" && Boolean(state.message);
  const isSuccess = state.status === "success" && Boolean(state.message);
  return (
    <div id={id}>
      {isError ? (
        <Alert variant="error" role="alert">
          {state.message}
        </Alert>
      ) : null}
      <div role="status">
        {isSuccess ? (
          <Alert variant="success">
            {state.message}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
