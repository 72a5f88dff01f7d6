// The key of a set-up under way, for its owner to add to an authenticator app: grouped in fours to
// type it in, and as the otpauth:// link apps open on the same device.
import { groupedSecret } from "@/server/auth/totp";

type Props = { secret: string; uri: string; labels: { step: string; secret: string; uri: string } };

export function TwoFactorPending({ secret, uri, labels }: Props) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{labels.step}</h3>
      <p className="text-sm">{labels.secret}</p>
      <p className="font-mono text-lg tracking-wide" data-testid="totp-secret">
        {groupedSecret(secret)}
      </p>
      <p className="text-sm" id="totp-uri-label">
        {labels.uri}
      </p>
      <p className="text-sm">
        <a href={uri} className="break-all font-mono" aria-describedby="totp-uri-label" data-testid="totp-uri">
          {uri}
        </a>
      </p>
    </div>
  );
}
