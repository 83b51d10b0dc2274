import { describe, expect, it } from "vitest";
import {
  SIGNATURE_TOLERANCE_SECONDS,
  parseGenericHeader,
  publicRequestUrl,
  signGeneric,
  twilioSignature,
  twilioUrlVariants,
  verifyGeneric,
  verifyTwilio,
} from "../src/modules/telephony/signatures.js";

describe("generic webhook signature", () => {
  const secret = "whsec_test_0123456789abcdef";
  const body = '{"event":"ringing","callId":"abc-1","from":"+34612345678"}';
  const at = new Date(1_795_420_800_000);
  // Computed apart from this code: printf '%s' '1795420800.<body>' | openssl dgst -sha256 -hmac '<secret>'
  const known = "1f96291a43ebabd15a9704e4f4222ef8d03e1be2e6827e86c15230d6820d90ab";

  it("signs t.body with HMAC-SHA256 as a known vector says", () => {
    expect(signGeneric(secret, body, at)).toBe(`t=1795420800,v1=${known}`);
  });

  it("accepts a right signature within the tolerance, either side of now", () => {
    const header = `t=1795420800,v1=${known}`;
    expect(verifyGeneric(secret, header, body, at)).toEqual({ ok: true });
    expect(verifyGeneric(secret, header, body, new Date(at.getTime() + SIGNATURE_TOLERANCE_SECONDS * 1000))).toEqual({ ok: true });
    expect(verifyGeneric(secret, header, body, new Date(at.getTime() - SIGNATURE_TOLERANCE_SECONDS * 1000))).toEqual({ ok: true });
    // Upper-case hex and a rotated second signature are fine.
    expect(verifyGeneric(secret, `t=1795420800,v1=${"0".repeat(64)},v1=${known.toUpperCase()}`, body, at)).toEqual({ ok: true });
  });

  it("refuses a replay outside five minutes, a changed body, another secret, a missing or malformed header", () => {
    const header = `t=1795420800,v1=${known}`;
    expect(verifyGeneric(secret, header, body, new Date(at.getTime() + (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000))).toEqual({ ok: false, reason: "stale" });
    expect(verifyGeneric(secret, header, body, new Date(at.getTime() - (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000))).toEqual({ ok: false, reason: "stale" });
    expect(verifyGeneric(secret, header, body.replace("abc-1", "abc-2"), at)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyGeneric(`${secret}x`, header, body, at)).toEqual({ ok: false, reason: "mismatch" });
    // The timestamp is signed: moving it forward to pass the tolerance breaks the signature.
    expect(verifyGeneric(secret, `t=1795421800,v1=${known}`, body, new Date(1_795_421_800_000))).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyGeneric(secret, undefined, body, at)).toEqual({ ok: false, reason: "missing" });
    expect(verifyGeneric(secret, "", body, at)).toEqual({ ok: false, reason: "missing" });
    for (const malformed of [known, `v1=${known}`, "t=1795420800", `t=abc,v1=${known}`, `t=1795420800,v1=${known.slice(1)}`, `t=1,t=2,v1=${known}`, `t=1795420800,v1=${known}=`]) {
      expect(verifyGeneric(secret, malformed, body, at)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("skips schemes it does not know", () => {
    expect(parseGenericHeader(`t=5, v2=zzz, v1=${known}`)).toEqual({ timestamp: 5, signatures: [known] });
  });
});

describe("Twilio request signature", () => {
  // The example of Twilio's own documentation snippets (TwilioDevEd/api-snippets,
  // security/signature_validation): auth token 12345, this URL and these parameters.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params: [string, string][] = [
    ["CallSid", "CA1234567890ABCDE"],
    ["Caller", "+14158675310"],
    ["Digits", "1234"],
    ["From", "+14158675310"],
    ["To", "+18005551212"],
  ];

  it("matches Twilio's documented vectors", () => {
    expect(twilioSignature("12345", url, params)).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    const older = params.map(([name, value]): [string, string] => [name, value.replace("+14158675310", "+14158675309")]);
    expect(twilioSignature("12345", url, older)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("does not depend on the order the parameters came in", () => {
    expect(twilioSignature("12345", url, [...params].reverse())).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  it("verifies, and refuses another token, URL, parameter value or a missing header", () => {
    expect(verifyTwilio("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", url, params)).toEqual({ ok: true });
    expect(verifyTwilio("12346", "GvWf1cFY/Q7PnoempGyD5oXAezc=", url, params)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyTwilio("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", "https://mycompany.com/myapp.php?foo=1&bar=3", params)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyTwilio("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", url, [...params.slice(1), ["CallSid", "CA1234567890ABCDF"]])).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyTwilio("12345", undefined, url, params)).toEqual({ ok: false, reason: "missing" });
    expect(verifyTwilio("12345", "short", url, params)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts the URL signed with or without the default port, and no other port", () => {
    const withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    expect(twilioUrlVariants(url)).toEqual([url, withPort]);
    expect(twilioUrlVariants(withPort)).toEqual([withPort, url]);
    expect(twilioUrlVariants("http://127.0.0.1:3000/x")).toEqual(["http://127.0.0.1:3000/x"]);
    expect(verifyTwilio("12345", twilioSignature("12345", withPort, params), url, params)).toEqual({ ok: true });
    expect(verifyTwilio("12345", "GvWf1cFY/Q7PnoempGyD5oXAezc=", withPort, params)).toEqual({ ok: true });
    expect(verifyTwilio("12345", twilioSignature("12345", "https://mycompany.com:8443/myapp.php?foo=1&bar=2", params), url, params)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("builds the called URL from the public URL, path and query", () => {
    expect(publicRequestUrl("https://desk.example.org/", "/telephony/x/twilio/voice?a=1")).toBe("https://desk.example.org/telephony/x/twilio/voice?a=1");
    expect(publicRequestUrl("https://desk.example.org", "telephony/x")).toBe("https://desk.example.org/telephony/x");
  });
});
