"use client";
// A form whose success brings recovery codes (confirming the set-up, making new codes): the codes
// are shown in place of the form, this once, until the user says they have kept them.
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";
import type { RecoveryCodesState } from "@/app/actions/two-factor";
import { SubmitButton } from "@/components/ActionForm";

type Props = {
  action: (state: RecoveryCodesState, form: FormData) => Promise<RecoveryCodesState>;
  children: ReactNode;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  submitVariant?: "primary" | "secondary";
  codes: { title: string; intro: string; list: string; done: string; doneHref: string };
};

export function TwoFactorCodesForm({
  action,
  children,
  label,
  submitLabel,
  pendingLabel,
  submitVariant,
  codes,
}: Props) {
  const [state, formAction] = useActionState(action, null);
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const shown = state?.ok ? state.recoveryCodes : undefined;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);
  if (shown) {
    return (
      <div className="flex flex-col gap-3" data-testid="recovery-codes">
        <p role="status" className="msg-ok">
          {state?.message}
        </p>
        <h3 ref={heading} tabIndex={-1} className="font-semibold">
          {codes.title}
        </h3>
        <p>{codes.intro}</p>
        <ul aria-label={codes.list} className="grid grid-cols-2 gap-1 font-mono text-lg sm:grid-cols-5">
          {shown.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        {/* A full load: the page shows the new state only once the codes were seen. */}
        <a href={codes.doneHref} className="btn btn-primary self-start">
          {codes.done}
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={submit} className="form-stack" aria-label={label}>
      {children}
      <div className="form-actions">
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} variant={submitVariant} />
        <p role={state && !state.ok ? "alert" : "status"} className="msg-error" key={state?.at}>
          {state && !state.ok ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
