// The key of a set-up under way, for its owner to add to an authenticator app: as a QR code to
// scan, grouped in fours to type it in, and as the otpauth:// link apps open on the same device.
import { renderSVG } from "uqr";
import { groupedSecret } from "@/server/auth/totp";

type Props = { secret: string; uri: string; labels: { step: string; qr: string; secret: string; uri: string } };

export function TwoFactorPending({ secret, uri, labels }: Props) {
  // Drawn here, offline, as an image the page's own CSP allows (data: images): phones scan it.
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString("base64")}`;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{labels.step}</h3>
      {/* biome-ignore lint/performance/noImgElement: a data: SVG drawn on the server, nothing to optimise */}
      <img
        src={qr}
        alt={labels.qr}
        width={200}
        height={200}
        className="border border-slate-200"
        data-testid="totp-qr"
      />
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
