/** Whether Sonde may store and send anything. */
export type Consent = "granted" | "pending" | "denied";

/** Whether the browser asks not to be tracked: Global Privacy Control or Do Not Track. */
export function privacySignal(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.globalPrivacyControl === true || navigator.doNotTrack === "1";
}

/** The consent Sonde starts with: the configured one, or denied when honoured privacy signals say so. */
export function initialConsent(config: { consent?: Consent; honorPrivacySignals?: boolean }): Consent {
  if (config.honorPrivacySignals && privacySignal()) return "denied";
  return config.consent ?? "granted";
}
