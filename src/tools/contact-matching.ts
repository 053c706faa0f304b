// How a person's description of a contact ("the Jane from Acme", "(555) 010-2233", an email, an id)
// becomes ranked matches, and what tells two similar contacts apart.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export interface Description {
  text: string;
  id?: string;
  email?: string;
  /** E.164 */
  phone?: string;
  /** Words that may be part of a name. */
  nameWords: string[];
  /** Words after "from", "at", "of", "with": probably the company. */
  companyWords: string[];
}

const GHL_ID = /^[A-Za-z0-9]{15,36}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FILLER = new Set([
  "the",
  "a",
  "an",
  "my",
  "our",
  "contact",
  "client",
  "customer",
  "lead",
  "named",
  "called",
  "who",
  "works",
  "is",
  "person",
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "and",
]);
const COMPANY_MARKERS = new Set(["from", "at", "of", "with"]);

export function normalizePhone(text: string, country: CountryCode = "US"): string | undefined {
  const digits = text.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed?.isPossible() ? parsed.number : undefined;
}

export function describe(text: string, country: CountryCode = "US"): Description {
  const trimmed = text.trim();
  const description: Description = { text: trimmed, nameWords: [], companyWords: [] };
  if (EMAIL.test(trimmed)) {
    description.email = trimmed.toLowerCase();
    return description;
  }
  if (/^[+()\d\s.-]+$/.test(trimmed)) {
    description.phone = normalizePhone(trimmed, country);
    if (description.phone) return description;
  }
  if (GHL_ID.test(trimmed) && /\d/.test(trimmed)) description.id = trimmed;

  let inCompany = false;
  for (const raw of trimmed.split(/\s+/)) {
    const word = raw
      .replace(/['’]s$/i, "")
      .replace(/[^\p{L}\p{N}@.+-]/gu, "")
      .toLowerCase();
    if (!word) continue;
    if (COMPANY_MARKERS.has(word)) {
      inCompany = true;
      continue;
    }
    if (FILLER.has(word)) continue;
    if (EMAIL.test(word)) description.email ??= word;
    else if (inCompany) description.companyWords.push(word);
    else description.nameWords.push(word);
  }
  return description;
}

export interface Candidate {
  id: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  companyName?: string;
  [key: string]: unknown;
}

export interface Ranked {
  contact: Candidate;
  score: number;
  matchedOn: string[];
}

function words(value: string | undefined): string[] {
  return (value ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Scores one candidate: exact identifiers first, then whole name words, then prefixes. */
export function score(description: Description, contact: Candidate): Ranked {
  const matchedOn: string[] = [];
  let total = 0;
  if (description.id && contact.id === description.id) {
    total += 100;
    matchedOn.push("id");
  }
  if (description.email && contact.email?.toLowerCase() === description.email) {
    total += 90;
    matchedOn.push("email");
  }
  if (description.phone && contact.phone === description.phone) {
    total += 90;
    matchedOn.push("phone");
  }
  const nameWords = words(contact.name ?? `${contact.firstName ?? ""} ${contact.lastName ?? ""}`);
  const companyWords = words(contact.companyName);
  const emailLocal = (contact.email ?? "").toLowerCase().split("@")[0] ?? "";
  for (const word of description.nameWords) {
    if (nameWords.includes(word)) {
      total += 30;
      matchedOn.push(`name "${word}"`);
    } else if (nameWords.some((n) => n.startsWith(word))) {
      total += 15;
      matchedOn.push(`name starts "${word}"`);
    } else if (companyWords.includes(word)) {
      total += 20;
      matchedOn.push(`company "${word}"`);
    } else if (word.length >= 3 && emailLocal.includes(word)) {
      total += 10;
      matchedOn.push(`email contains "${word}"`);
    } else {
      total -= 10;
    }
  }
  for (const word of description.companyWords) {
    if (companyWords.includes(word)) {
      total += 30;
      matchedOn.push(`company "${word}"`);
    } else if (companyWords.some((c) => c.startsWith(word))) {
      total += 15;
      matchedOn.push(`company starts "${word}"`);
    } else {
      total -= 15;
    }
  }
  return { contact, score: total, matchedOn };
}

export function rank(description: Description, candidates: Candidate[]): Ranked[] {
  const unique = new Map(candidates.map((c) => [c.id, c]));
  return [...unique.values()]
    .map((c) => score(description, c))
    .filter((r) => r.matchedOn.length > 0 && r.score > 0)
    .sort(
      (a, b) => b.score - a.score || String(a.contact.name).localeCompare(String(b.contact.name)),
    );
}

const DISTINGUISHING = ["companyName", "email", "phone", "tags", "type", "city"] as const;

/** The fields whose values differ among the top matches: what to ask the user about. */
export function differences(matches: Candidate[]): string[] {
  if (matches.length < 2) return [];
  return DISTINGUISHING.filter((key) => {
    const values = new Set(matches.map((m) => JSON.stringify(m[key] ?? null)));
    return values.size > 1;
  });
}

/** The words worth sending to GHL's search: the rarest-looking first, at most three. */
export function searchTerms(description: Description): string[] {
  const terms = [...description.nameWords, ...description.companyWords]
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length);
  return [...new Set(terms)].slice(0, 3);
}
