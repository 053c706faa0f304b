// Phone numbers as the platform stores them: formatted input in, E.164 out (PLATFORM.md §7.5).

/** Calling codes of the countries a location is likely to be in; others need a leading `+`. */
const CALLING_CODES: Record<string, string> = {
  US: "1",
  CA: "1",
  GB: "44",
  AU: "61",
  NZ: "64",
  IE: "353",
  IN: "91",
};

/**
 * `(555) 010-2233`, `555.010.2233` and `+1 555 010 2233` all become `+15550102233` in a US
 * location. A number without `+` takes the location's country (inferred; undocumented). Returns
 * undefined for something that is not a phone number.
 */
export function toE164(input: string, country: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, "");

  if (trimmed.startsWith("+")) {
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
  }

  const code = CALLING_CODES[country.toUpperCase()];
  if (code === "1") {
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
    return undefined;
  }
  if (code && digits.length >= 6) return `+${code}${digits.replace(/^0/, "")}`;
  return undefined;
}
