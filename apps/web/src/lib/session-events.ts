/**
 * Whether this tab has had a signed-in session, so that being sent back to sign-in can say
 * "your session has ended" rather than nothing.
 */
let signedIn = false;

export function markSignedIn(value: boolean): void {
  signedIn = value;
}

export function wasSignedIn(): boolean {
  return signedIn;
}

/** Why the sign-in page is shown; passed as router state. */
export type SignInReason = "expired" | "signedOut" | "signedOutEverywhere" | "passwordChanged" | "setupSignInFailed";

export interface SignInState {
  reason?: SignInReason;
  /** Where to go back to after signing in. */
  from?: string;
}

export const PUBLIC_PATHS: readonly string[] = ["/sign-in", "/setup"];
