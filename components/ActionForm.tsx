"use client";
// A form bound to a server action, announcing the outcome to assistive technology.
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/server/action-result";
import { ConfirmDialog, type ConfirmText } from "./ConfirmDialog";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  /** Clears the fields after a success (creation forms). */
  resetOnSuccess?: boolean;
  submitVariant?: "primary" | "secondary" | "danger";
  /** Accessible name of the form, for screens with several. */
  label?: string;
  /** The id of a visible heading that names the form (instead of `label`, so it is not said twice). */
  labelledBy?: string;
  /** An irreversible action: ask first, saying what will happen. */
  confirm?: ConfirmText;
};

export function SubmitButton({
  label,
  pendingLabel,
  variant = "primary",
}: {
  label: string;
  pendingLabel: string;
  variant?: Props["submitVariant"];
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  className,
  resetOnSuccess,
  submitVariant,
  label,
  labelledBy,
  confirm,
}: Props) {
  const [state, formAction] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const awaitingConfirmation = useRef<FormData | null>(null);
  // Submitting by hand keeps what the user typed when the action fails (React resets
  // a form after a `<form action>` submission, whatever the outcome).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (confirm && dialogRef.current) {
      awaitingConfirmation.current = data;
      dialogRef.current.showModal();
      return;
    }
    startTransition(() => formAction(data));
  };
  const confirmed = () => {
    const data = awaitingConfirmation.current;
    awaitingConfirmation.current = null;
    if (data) startTransition(() => formAction(data));
  };
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={submit}
        className={className ?? "form-stack"}
        aria-label={labelledBy ? undefined : label}
        aria-labelledby={labelledBy}
      >
        {children}
        <div className="form-actions">
          <SubmitButton label={submitLabel} pendingLabel={pendingLabel} variant={submitVariant} />
          <p
            role={state && !state.ok ? "alert" : "status"}
            className={state?.ok ? "msg-ok" : "msg-error"}
            key={state?.at}
          >
            {state?.message ?? ""}
          </p>
        </div>
      </form>
      {confirm && <ConfirmDialog ref={dialogRef} text={confirm} onConfirm={confirmed} />}
    </>
  );
}
