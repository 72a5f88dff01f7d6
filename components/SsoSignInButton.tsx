"use client";
import { useFormStatus } from "react-dom";
import { signInWithSsoAction } from "@/app/actions/sso";

function Submit({ label, pending }: { label: string; pending: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" className="btn btn-primary w-full" disabled={status.pending}>
      {status.pending ? pending : label}
    </button>
  );
}

/** "Sign in with {provider}": starts the single sign-on flow, back to `callbackUrl` afterwards. */
export function SsoSignInButton({
  labels,
  callbackUrl,
}: {
  labels: { submit: string; pending: string };
  callbackUrl?: string;
}) {
  return (
    <form action={signInWithSsoAction}>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Submit label={labels.submit} pending={labels.pending} />
    </form>
  );
}
