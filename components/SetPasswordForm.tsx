"use client";
// Choosing one's own password through an invitation or reset link. What was typed stays after a
// refusal (a password the policy refuses), so the person only changes what was wrong.
import { type FormEvent, startTransition, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { setPasswordByLinkAction } from "@/app/actions/account-links";
import type { AccountLinkPurpose } from "@/db/schema";

type Labels = { password: string; repeat: string; hint: string; submit: string; pending: string };

function Submit({ labels }: { labels: Labels }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-primary" disabled={pending}>
      {pending ? labels.pending : labels.submit}
    </button>
  );
}

export function SetPasswordForm({
  token,
  purpose,
  email,
  minLength,
  labels,
}: {
  token: string;
  purpose: AccountLinkPurpose;
  email: string;
  minLength: number;
  labels: Labels;
}) {
  const [state, action] = useActionState(setPasswordByLinkAction, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={submit} className="form-stack">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <div>
        <label htmlFor="new-password">{labels.password}</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          aria-describedby="new-password-hint"
        />
        <p id="new-password-hint" className="muted text-sm">
          {labels.hint}
        </p>
      </div>
      <div>
        <label htmlFor="repeat-password">{labels.repeat}</label>
        <input id="repeat-password" name="repeat" type="password" autoComplete="new-password" required />
      </div>
      <p role="alert" className="msg-error">
        {state && !state.ok ? state.message : ""}
      </p>
      <Submit labels={labels} />
    </form>
  );
}
