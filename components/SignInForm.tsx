"use client";
import { type FormEvent, startTransition, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { signInAction } from "@/app/actions/session";

type Labels = { email: string; password: string; submit: string; pending: string };

function Submit({ labels }: { labels: Labels }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-primary" disabled={pending}>
      {pending ? labels.pending : labels.submit}
    </button>
  );
}

export function SignInForm({ labels, callbackUrl }: { labels: Labels; callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, null);
  // Submitted by hand so a failed attempt keeps the email typed (React resets action forms).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={submit} className="form-stack">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div>
        <label htmlFor="email">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div>
        <label htmlFor="password">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p role="alert" className="msg-error">
        {state?.error ?? ""}
      </p>
      <Submit labels={labels} />
    </form>
  );
}
