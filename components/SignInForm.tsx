"use client";
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { signInAction } from "@/app/actions/session";

type Labels = { email: string; password: string; submit: string; pending: string; code: string; codeHint: string };

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
  // Once the server asks for a second factor, the code field stays (a throttled attempt included).
  const [codeAsked, setCodeAsked] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state?.codeRequired) setCodeAsked(true);
  }, [state]);
  // Once the field is there (rendered after codeAsked), and again after a wrong code.
  useEffect(() => {
    if (codeAsked && state?.codeRequired) codeInput.current?.focus();
  }, [state, codeAsked]);
  // Submitted by hand so a failed attempt keeps the email and password typed (React resets action
  // forms): asked for a code, the form sends all three again.
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
      {codeAsked && (
        <div>
          <label htmlFor="code">{labels.code}</label>
          <input
            ref={codeInput}
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={32}
            aria-describedby="code-hint"
            required
          />
          <p id="code-hint" className="muted text-sm">
            {labels.codeHint}
          </p>
        </div>
      )}
      <p role="alert" className="msg-error">
        {state?.error ?? ""}
      </p>
      <Submit labels={labels} />
    </form>
  );
}
