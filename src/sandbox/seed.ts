// The sandbox's starting state: a personal-training studio in Chicago with its staff, clients and
// leads, tasks, notes, calendars, appointments and a sales pipeline. Every date is relative to the
// clock, so "due tomorrow" is true whenever the tests run; ids come from the store's seeded generator.
import type {
  CalendarRecord,
  ContactRecord,
  ConversationRecord,
  MessageStatus,
  MessageTemplateRecord,
  SandboxStore,
  UserRecord,
} from "./store.js";
import { DAY_MS, isoUtc, isoWithOffset, zonedTime } from "./time.js";
import { toE164 } from "./phone.js";

const TIMEZONE = "America/Chicago";
const HOUR_MS = 60 * 60 * 1000;

export interface SeedIds {
  companyId: string;
  locationId: string;
}

type StaffKey = "owner" | "priya" | "diego" | "hannah" | "frontDesk";

const STAFF: Record<
  StaffKey,
  Pick<UserRecord, "firstName" | "lastName" | "email" | "phone" | "role" | "title">
> = {
  owner: {
    firstName: "Marcus",
    lastName: "Reid",
    email: "marcus@northsidestrength.com",
    phone: "+13125550101",
    role: "admin",
    title: "Owner",
  },
  priya: {
    firstName: "Priya",
    lastName: "Shah",
    email: "priya@northsidestrength.com",
    phone: "+13125550102",
    role: "user",
    title: "Head Trainer",
  },
  diego: {
    firstName: "Diego",
    lastName: "Alvarez",
    email: "diego@northsidestrength.com",
    phone: "+13125550103",
    role: "user",
    title: "Trainer",
  },
  hannah: {
    firstName: "Hannah",
    lastName: "Kim",
    email: "hannah@northsidestrength.com",
    phone: "+13125550104",
    role: "user",
    title: "Trainer and Nutrition Coach",
  },
  frontDesk: {
    firstName: "Tyler",
    lastName: "Brooks",
    email: "frontdesk@northsidestrength.com",
    phone: "+13125550105",
    role: "user",
    title: "Front Desk",
  },
};

interface ContactSeed {
  key: string;
  first: string;
  last: string;
  email: string;
  /** As a person would type it; the store keeps E.164. */
  phone: string;
  company?: string;
  tags: string[];
  source: string;
  type: ContactRecord["type"];
  /** How long ago the contact was added. */
  daysAgo: number;
  owner: StaffKey;
  dnd?: boolean;
}

const CONTACTS: ContactSeed[] = [
  {
    key: "janeCooper",
    first: "Jane",
    last: "Cooper",
    email: "jane.cooper@acmelogistics.com",
    phone: "(312) 555-0142",
    company: "Acme Logistics",
    tags: ["client", "pt-package", "vip"],
    source: "Referral - Marcus Reid",
    type: "customer",
    daysAgo: 412,
    owner: "priya",
  },
  {
    key: "janeDoe",
    first: "Jane",
    last: "Doe",
    email: "janedoe.fit@gmail.com",
    phone: "773.555.0199",
    tags: ["lead"],
    source: "Instagram Ad - Spring Challenge",
    type: "lead",
    daysAgo: 6,
    owner: "frontDesk",
  },
  {
    key: "janetMorales",
    first: "Janet",
    last: "Morales",
    email: "janet.morales@moralesdental.com",
    phone: "+1 312 555 0178",
    company: "Morales Dental",
    tags: ["client", "nutrition"],
    source: "Google Business Profile",
    type: "customer",
    daysAgo: 214,
    owner: "hannah",
  },
  {
    key: "jayneWhitfield",
    first: "Jayne",
    last: "Whitfield",
    email: "jayne.whitfield@icloud.com",
    phone: "3125550163",
    tags: ["lead", "free-intro"],
    source: "Website Form - Free Intro",
    type: "lead",
    daysAgo: 11,
    owner: "diego",
  },
  {
    key: "robertChen",
    first: "Robert",
    last: "Chen",
    email: "rchen@chenarchitects.com",
    phone: "(312) 555-0110",
    company: "Chen Architects",
    tags: ["client", "pt-package"],
    source: "Referral - Jane Cooper",
    type: "customer",
    daysAgo: 377,
    owner: "diego",
  },
  {
    key: "mariaGonzalez",
    first: "Maria",
    last: "Gonzalez",
    email: "maria.gonzalez@gmail.com",
    phone: "773-555-0121",
    tags: ["client", "nutrition", "vip"],
    source: "Walk-in",
    type: "customer",
    daysAgo: 298,
    owner: "hannah",
  },
  {
    key: "davidOkafor",
    first: "David",
    last: "Okafor",
    email: "d.okafor@yahoo.com",
    phone: "(872) 555-0133",
    tags: ["client", "lapsed"],
    source: "Website Form - Contact",
    type: "customer",
    daysAgo: 530,
    owner: "owner",
  },
  {
    key: "emilyNguyen",
    first: "Emily",
    last: "Nguyen",
    email: "emily.nguyen@u.northwestern.edu",
    phone: "312 555 0187",
    tags: ["lead", "free-intro"],
    source: "Website Form - Free Intro",
    type: "lead",
    daysAgo: 15,
    owner: "diego",
  },
  {
    key: "michaelBrennan",
    first: "Michael",
    last: "Brennan",
    email: "mbrennan@brennanlaw.com",
    phone: "+13125550115",
    company: "Brennan & Associates",
    tags: ["client", "small-group"],
    source: "Referral - Robert Chen",
    type: "customer",
    daysAgo: 188,
    owner: "priya",
  },
  {
    key: "sarahPatel",
    first: "Sarah",
    last: "Patel",
    email: "sarah.patel@outlook.com",
    phone: "(773) 555-0146",
    tags: ["client", "pt-package"],
    source: "Google Ads - Personal Training",
    type: "customer",
    daysAgo: 142,
    owner: "priya",
  },
  {
    key: "kevinObrien",
    first: "Kevin",
    last: "O'Brien",
    email: "kevin.obrien@comcast.net",
    phone: "773.555.0158",
    tags: ["lapsed"],
    source: "Walk-in",
    type: "customer",
    daysAgo: 610,
    owner: "owner",
    dnd: true,
  },
  {
    key: "aishaThompson",
    first: "Aisha",
    last: "Thompson",
    email: "aisha.t@gmail.com",
    phone: "872-555-0164",
    tags: ["lead", "free-intro"],
    source: "Instagram Ad - Spring Challenge",
    type: "lead",
    daysAgo: 4,
    owner: "frontDesk",
  },
  {
    key: "tomKowalski",
    first: "Tom",
    last: "Kowalski",
    email: "tom@kowalskiplumbing.com",
    phone: "(312) 555-0119",
    company: "Kowalski Plumbing",
    tags: ["client"],
    source: "Facebook - Page Message",
    type: "customer",
    daysAgo: 255,
    owner: "diego",
  },
  {
    key: "laurenFischer",
    first: "Lauren",
    last: "Fischer",
    email: "lauren.fischer@gmail.com",
    phone: "3125550127",
    tags: ["client", "small-group", "nutrition"],
    source: "Referral - Maria Gonzalez",
    type: "customer",
    daysAgo: 166,
    owner: "hannah",
  },
  {
    key: "chrisJohnson",
    first: "Chris",
    last: "Johnson",
    email: "cjohnson.chi@gmail.com",
    phone: "+1 (773) 555-0131",
    tags: ["lead"],
    source: "Google Ads - Personal Training",
    type: "lead",
    daysAgo: 2,
    owner: "frontDesk",
  },
  {
    key: "ninaRossi",
    first: "Nina",
    last: "Rossi",
    email: "nina@rossistudio.design",
    phone: "312.555.0139",
    company: "Rossi Studio",
    tags: ["client", "vip", "pt-package"],
    source: "Referral - Marcus Reid",
    type: "customer",
    daysAgo: 355,
    owner: "owner",
  },
  {
    key: "marcusBell",
    first: "Marcus",
    last: "Bell",
    email: "marcus.bell@hey.com",
    phone: "(872) 555-0148",
    tags: ["lead"],
    source: "Website Form - Contact",
    type: "lead",
    daysAgo: 21,
    owner: "frontDesk",
  },
  {
    key: "oliviaMartin",
    first: "Olivia",
    last: "Martin",
    email: "olivia.martin@gmail.com",
    phone: "773 555 0152",
    tags: ["client", "small-group"],
    source: "Facebook - Page Message",
    type: "customer",
    daysAgo: 97,
    owner: "priya",
  },
  {
    key: "samWhitaker",
    first: "Sam",
    last: "Whitaker",
    email: "s.whitaker@acmelogistics.com",
    phone: "(312) 555-0155",
    company: "Acme Logistics",
    tags: ["lead", "corporate"],
    source: "Referral - Jane Cooper",
    type: "lead",
    daysAgo: 9,
    owner: "owner",
  },
  {
    key: "graceLee",
    first: "Grace",
    last: "Lee",
    email: "grace.lee@gmail.com",
    phone: "312-555-0161",
    tags: ["client", "nutrition"],
    source: "Google Business Profile",
    type: "customer",
    daysAgo: 120,
    owner: "hannah",
  },
  {
    key: "brianWalsh",
    first: "Brian",
    last: "Walsh",
    email: "bwalsh@sbcglobal.net",
    phone: "(773) 555-0166",
    tags: ["lapsed"],
    source: "Walk-in",
    type: "customer",
    daysAgo: 480,
    owner: "diego",
  },
  {
    key: "priyankaDesai",
    first: "Priyanka",
    last: "Desai",
    email: "priyanka.desai@gmail.com",
    phone: "+1 872 555 0170",
    tags: ["lead", "free-intro"],
    source: "Website Form - Free Intro",
    type: "lead",
    daysAgo: 8,
    owner: "diego",
  },
  {
    key: "hectorRamirez",
    first: "Hector",
    last: "Ramirez",
    email: "hector.ramirez@ramirezauto.com",
    phone: "312.555.0173",
    company: "Ramirez Auto Body",
    tags: ["client", "pt-package"],
    source: "Referral - Tom Kowalski",
    type: "customer",
    daysAgo: 231,
    owner: "priya",
  },
  {
    key: "rachelStein",
    first: "Rachel",
    last: "Stein",
    email: "rachel.stein@gmail.com",
    phone: "(312) 555-0176",
    tags: ["client"],
    source: "Google Ads - Personal Training",
    type: "customer",
    daysAgo: 77,
    owner: "diego",
  },
  {
    key: "jamalCarter",
    first: "Jamal",
    last: "Carter",
    email: "jamal.carter@gmail.com",
    phone: "773-555-0181",
    tags: ["lead"],
    source: "Instagram Ad - Spring Challenge",
    type: "lead",
    daysAgo: 3,
    owner: "frontDesk",
  },
  {
    key: "meganDoyle",
    first: "Megan",
    last: "Doyle",
    email: "megan.doyle@yahoo.com",
    phone: "3125550184",
    tags: ["client", "small-group"],
    source: "Facebook - Page Message",
    type: "customer",
    daysAgo: 64,
    owner: "priya",
  },
  {
    key: "victorHuang",
    first: "Victor",
    last: "Huang",
    email: "victor.huang@huangcpa.com",
    phone: "(872) 555-0189",
    company: "Huang CPA",
    tags: ["lead"],
    source: "Website Form - Contact",
    type: "lead",
    daysAgo: 18,
    owner: "frontDesk",
  },
  {
    key: "chloeBennett",
    first: "Chloe",
    last: "Bennett",
    email: "chloe.bennett@gmail.com",
    phone: "+13125550192",
    tags: ["client", "vip"],
    source: "Referral - Nina Rossi",
    type: "customer",
    daysAgo: 333,
    owner: "owner",
  },
  {
    key: "danielKim",
    first: "Daniel",
    last: "Kim",
    email: "daniel.kim@gmail.com",
    phone: "773.555.0195",
    tags: ["lapsed", "nutrition"],
    source: "Google Business Profile",
    type: "customer",
    daysAgo: 402,
    owner: "hannah",
  },
  {
    key: "fatimaHassan",
    first: "Fatima",
    last: "Hassan",
    email: "fatima.hassan@gmail.com",
    phone: "(312) 555-0197",
    tags: ["lead", "nutrition"],
    source: "Instagram Ad - Spring Challenge",
    type: "lead",
    daysAgo: 1,
    owner: "hannah",
  },
];

interface TaskSeed {
  contact: string;
  title: string;
  /** Days from today and the local hour it is due. */
  due: [days: number, hour: number];
  assignee: StaffKey;
  completed: boolean;
  body?: string;
}

const TASKS: TaskSeed[] = [
  {
    contact: "janeCooper",
    title: "Follow-up call about renewing her 10-session package",
    due: [1, 10],
    assignee: "priya",
    completed: false,
    body: "Her package ends next week; offer Tue/Thu 7am slots again.",
  },
  {
    contact: "janeCooper",
    title: "Book first session of her 10-session package",
    due: [-78, 9],
    assignee: "priya",
    completed: true,
  },
  {
    contact: "janeDoe",
    title: "Send intro offer",
    due: [0, 16],
    assignee: "frontDesk",
    completed: false,
    body: "Spring Challenge: 3 sessions for $99.",
  },
  {
    contact: "jayneWhitfield",
    title: "Confirm free intro session time",
    due: [0, 12],
    assignee: "frontDesk",
    completed: false,
  },
  {
    contact: "janetMorales",
    title: "Send updated meal plan",
    due: [2, 11],
    assignee: "hannah",
    completed: false,
  },
  {
    contact: "davidOkafor",
    title: "Win-back call: 3 free sessions offer",
    due: [-3, 15],
    assignee: "owner",
    completed: false,
  },
  {
    contact: "emilyNguyen",
    title: "Follow up after free intro",
    due: [-1, 14],
    assignee: "diego",
    completed: false,
  },
  {
    contact: "robertChen",
    title: "Progress check-in: 12-week assessment",
    due: [5, 8],
    assignee: "diego",
    completed: false,
  },
  {
    contact: "ninaRossi",
    title: "Send VIP renewal invitation",
    due: [7, 10],
    assignee: "owner",
    completed: false,
  },
  {
    contact: "kevinObrien",
    title: "Confirm cancellation paperwork",
    due: [-20, 10],
    assignee: "frontDesk",
    completed: true,
  },
  {
    contact: "mariaGonzalez",
    title: "Schedule body composition scan",
    due: [-10, 9],
    assignee: "hannah",
    completed: true,
  },
];

const NOTES: { contact: string; body: string; author: StaffKey; daysAgo: number }[] = [
  {
    contact: "janeCooper",
    body: "Prefers 7am sessions on Tuesdays and Thursdays. Knee rehab history: avoid deep lunges.",
    author: "priya",
    daysAgo: 120,
  },
  {
    contact: "janeCooper",
    body: "10-session package ends next week; open to renewing if Tue/Thu 7am stays available.",
    author: "priya",
    daysAgo: 5,
  },
  {
    contact: "janeDoe",
    body: "Came in through the spring Instagram ad. Wants to lose 15 lb before a wedding in June.",
    author: "frontDesk",
    daysAgo: 6,
  },
  {
    contact: "janetMorales",
    body: "Vegetarian. Meal plan v2 sent; check protein intake at next session.",
    author: "hannah",
    daysAgo: 30,
  },
  {
    contact: "davidOkafor",
    body: "Paused membership after moving to Evanston; might come back for weekend sessions.",
    author: "owner",
    daysAgo: 90,
  },
  {
    contact: "robertChen",
    body: "Deadlift PR 185 lb. Wants to reach 225 by the 12-week assessment.",
    author: "diego",
    daysAgo: 14,
  },
];

type CalendarKey = "personal" | "intro" | "hiit" | "massage";

interface AppointmentSeed {
  calendar: CalendarKey;
  contact: string;
  /** Days from today, or the coming Saturday for the weekend class. */
  day: number | "saturday";
  time: [hour: number, minute: number];
  trainer: StaffKey;
  status: "new" | "confirmed" | "showed";
}

const APPOINTMENTS: AppointmentSeed[] = [
  {
    calendar: "personal",
    contact: "janeCooper",
    day: -5,
    time: [7, 0],
    trainer: "priya",
    status: "showed",
  },
  {
    calendar: "personal",
    contact: "janeCooper",
    day: 2,
    time: [7, 0],
    trainer: "priya",
    status: "confirmed",
  },
  {
    calendar: "personal",
    contact: "janeCooper",
    day: 9,
    time: [7, 0],
    trainer: "priya",
    status: "confirmed",
  },
  {
    calendar: "personal",
    contact: "robertChen",
    day: 1,
    time: [6, 0],
    trainer: "diego",
    status: "confirmed",
  },
  {
    calendar: "personal",
    contact: "mariaGonzalez",
    day: 4,
    time: [18, 0],
    trainer: "hannah",
    status: "confirmed",
  },
  {
    calendar: "intro",
    contact: "jayneWhitfield",
    day: 1,
    time: [17, 30],
    trainer: "diego",
    status: "new",
  },
  {
    calendar: "intro",
    contact: "janeDoe",
    day: 3,
    time: [12, 0],
    trainer: "frontDesk",
    status: "confirmed",
  },
  {
    calendar: "intro",
    contact: "aishaThompson",
    day: 2,
    time: [18, 0],
    trainer: "diego",
    status: "new",
  },
  ...["laurenFischer", "meganDoyle", "oliviaMartin", "michaelBrennan"].map(
    (contact): AppointmentSeed => ({
      calendar: "hiit",
      contact,
      day: "saturday",
      time: [9, 0],
      trainer: "priya",
      status: "confirmed",
    }),
  ),
];

const STAGES = ["New Lead", "Intro Booked", "Intro Completed", "Package Proposed", "Won: Member"];

const OPPORTUNITIES: {
  contact: string;
  name: string;
  stage: string;
  value: number;
  status: "open" | "won" | "lost";
  lostReason?: string;
  /** Staff who follow the opportunity besides its owner. */
  followers?: StaffKey[];
  daysAgo: number;
}[] = [
  {
    contact: "janeDoe",
    name: "Jane Doe - Spring Challenge",
    stage: "New Lead",
    value: 99,
    status: "open",
    daysAgo: 6,
  },
  {
    contact: "chrisJohnson",
    name: "Chris Johnson - Personal Training",
    stage: "New Lead",
    value: 1200,
    status: "open",
    daysAgo: 2,
  },
  {
    contact: "jayneWhitfield",
    name: "Jayne Whitfield - Free Intro",
    stage: "Intro Booked",
    value: 900,
    status: "open",
    daysAgo: 11,
  },
  {
    contact: "aishaThompson",
    name: "Aisha Thompson - Free Intro",
    stage: "Intro Booked",
    value: 900,
    status: "open",
    daysAgo: 4,
  },
  {
    contact: "emilyNguyen",
    name: "Emily Nguyen - 10-session package",
    stage: "Intro Completed",
    value: 950,
    status: "open",
    daysAgo: 15,
  },
  {
    contact: "priyankaDesai",
    name: "Priyanka Desai - 20-session package",
    stage: "Package Proposed",
    value: 1800,
    status: "open",
    followers: ["owner"],
    daysAgo: 8,
  },
  {
    contact: "janeCooper",
    name: "Jane Cooper - 10-session renewal",
    stage: "Package Proposed",
    value: 950,
    status: "open",
    daysAgo: 5,
  },
  {
    contact: "robertChen",
    name: "Robert Chen - 20-session package",
    stage: "Won: Member",
    value: 1800,
    status: "won",
    daysAgo: 60,
  },
  {
    contact: "marcusBell",
    name: "Marcus Bell - Free Intro",
    stage: "Intro Completed",
    value: 900,
    status: "lost",
    lostReason: "Chose another gym",
    daysAgo: 20,
  },
];

const LOST_REASONS = ["Price too high", "Chose another gym", "Schedule doesn't fit", "No response"];

/** What every seeding step shares: the store, the clock and the records made so far. */
interface Seeding {
  store: SandboxStore;
  nowMs: number;
  locationId: string;
  staff: Record<StaffKey, UserRecord>;
  contacts: Map<string, ContactRecord>;
  /** An ISO UTC timestamp some days (and hours) before now. */
  at(daysAgo: number, hoursAgo?: number): string;
  /** The instant of a local wall-clock time some days from today. */
  local(days: number, hour: number, minute?: number): number;
}

/** Fills an empty store; returns the ids the sandbox advertises. */
export function seedStore(store: SandboxStore, nowMs: number): SeedIds {
  const at = (daysAgo: number, hoursAgo = 0): string =>
    isoUtc(nowMs - daysAgo * DAY_MS - hoursAgo * HOUR_MS);
  const local = (days: number, hour: number, minute = 0): number =>
    zonedTime(nowMs, TIMEZONE, days, hour, minute);

  const { companyId, locationId } = seedLocation(store, at);
  const seeding: Seeding = {
    store,
    nowMs,
    locationId,
    staff: seedStaff(store, companyId, locationId),
    contacts: new Map(),
    at,
    local,
  };
  seedContacts(seeding);
  seedTasksAndNotes(seeding);
  seedCampaignsAndWorkflows(seeding);
  seedCalendars(seeding);
  seedPipeline(seeding);
  seedConversations(seeding);
  seedAssociations(seeding);
  seedBlog(seeding);
  seedAgencyAndSettings(seeding);
  return { companyId, locationId };
}

/**
 * The agency's side (its profile, two snapshots and a second client location) and the studio's
 * settings: custom fields, with values on a few contacts, and custom values.
 */
function seedAgencyAndSettings({ store, locationId, contacts, at }: Seeding): void {
  const { companyId } = store.locations.get(locationId)!;
  Object.assign(store.companies.get(companyId)!, {
    phone: "+13125550900",
    website: "https://lakeshorefitness.agency",
    address: "820 W Jackson Blvd",
    city: "Chicago",
    state: "IL",
    postalCode: "60607",
    country: "US",
    timezone: TIMEZONE,
    domain: "app.lakeshorefitness.agency",
  });
  store.insert(store.snapshots, { companyId, name: "Fitness Studio Starter", type: "own" });
  store.insert(store.snapshots, { companyId, name: "Gym Lead Nurture Pack", type: "imported" });
  store.insert(store.locations, {
    companyId,
    name: "Lakeview Yoga Loft",
    email: "namaste@lakeviewyogaloft.com",
    phone: "+17735550180",
    address: "3001 N Clark St",
    city: "Chicago",
    state: "IL",
    postalCode: "60657",
    country: "US",
    website: "https://lakeviewyogaloft.com",
    timezone: TIMEZONE,
    allowDuplicateContact: false,
    duplicateContactPriority: ["email", "phone"],
    dateAdded: at(240),
  });

  const field = (
    name: string,
    dataType: string,
    model: "contact" | "opportunity",
    position: number,
    placeholder?: string,
  ) =>
    store.insert(store.customFields, {
      locationId,
      name,
      fieldKey: `${model}.${name.toLowerCase().replace(/\W+/g, "_")}`,
      dataType,
      model,
      position,
      placeholder,
    });
  const goal = field("Fitness Goal", "LARGE_TEXT", "contact", 0, "What they want to achieve");
  const started = field("Membership Start Date", "DATE", "contact", 1);
  const sessions = field("Sessions Remaining", "NUMERICAL", "contact", 2);
  field("Referral Partner", "TEXT", "opportunity", 0, "Who sent them");

  const values: [string, { id: string }, unknown][] = [
    ["janeCooper", goal, "Deadlift 1.5x bodyweight by the summer"],
    ["janeCooper", started, at(400).slice(0, 10)],
    ["janeCooper", sessions, 3],
    ["janetMorales", goal, "Lose 15 lb and sleep better"],
    ["janetMorales", sessions, 8],
    ["janeDoe", goal, "Get back into running"],
  ];
  for (const [key, customField, value] of values) {
    contacts.get(key)?.customFields.push({ id: customField.id, value });
  }

  const customValues: [string, string][] = [
    ["Studio Phone", "(312) 555-0100"],
    ["Intro Offer Price", "$49"],
    ["Booking Link", "https://northsidestrength.com/book"],
  ];
  for (const [name, value] of customValues) {
    const key = name.toLowerCase().replace(/\W+/g, "_");
    store.insert(store.customValues, {
      locationId,
      name,
      fieldKey: `{{ custom_values.${key} }}`,
      value,
    });
  }
}

function seedLocation(store: SandboxStore, at: Seeding["at"]): SeedIds {
  const company = store.insert(store.companies, {
    name: "Lakeshore Fitness Marketing",
    email: "accounts@lakeshorefitness.agency",
  });
  const location = store.insert(store.locations, {
    companyId: company.id,
    name: "Northside Strength Studio",
    email: "hello@northsidestrength.com",
    phone: "+13125550100",
    address: "2150 W Irving Park Rd",
    city: "Chicago",
    state: "IL",
    postalCode: "60618",
    country: "US",
    website: "https://northsidestrength.com",
    timezone: TIMEZONE,
    allowDuplicateContact: false,
    duplicateContactPriority: ["email", "phone"],
    dateAdded: at(700),
  });
  return { companyId: company.id, locationId: location.id };
}

function seedStaff(
  store: SandboxStore,
  companyId: string,
  locationId: string,
): Record<StaffKey, UserRecord> {
  const staff = {} as Record<StaffKey, UserRecord>;
  for (const [key, person] of Object.entries(STAFF) as [StaffKey, (typeof STAFF)[StaffKey]][]) {
    staff[key] = store.insert(store.users, {
      ...person,
      companyId,
      locationIds: [locationId],
      type: "account",
      deleted: false,
    });
  }
  return staff;
}

function seedContacts({ store, locationId, staff, contacts, at }: Seeding): void {
  const businesses = new Map(
    [
      store.insert(store.businesses, {
        locationId,
        name: "Acme Logistics",
        phone: "+13125550300",
        email: "wellness@acmelogistics.com",
        website: "https://acmelogistics.com",
        address: "400 N Wells St",
        city: "Chicago",
        state: "IL",
        postalCode: "60654",
        country: "US",
        description: "Corporate wellness partner: discounted packages for staff.",
        createdBy: staff.owner.id,
        createdAt: at(300),
        updatedAt: at(40),
      }),
      store.insert(store.businesses, {
        locationId,
        name: "Morales Dental",
        phone: "+13125550310",
        address: "3310 N Lincoln Ave",
        city: "Chicago",
        state: "IL",
        postalCode: "60657",
        country: "US",
        createdBy: staff.hannah.id,
        createdAt: at(200),
        updatedAt: at(200),
      }),
    ].map((business) => [business.name, business.id]),
  );

  for (const [index, seed] of CONTACTS.entries()) {
    const added = at(seed.daysAgo, 3 + (index % 7));
    const contact = store.insert(store.contacts, {
      locationId,
      firstName: seed.first,
      lastName: seed.last,
      email: seed.email,
      phone: toE164(seed.phone, "US"),
      companyName: seed.company,
      city: "Chicago",
      state: "IL",
      country: "US",
      timezone: TIMEZONE,
      source: seed.source,
      type: seed.type,
      tags: seed.tags,
      dnd: seed.dnd === true,
      dndSettings: seed.dnd ? { SMS: { status: "active" }, Call: { status: "active" } } : {},
      customFields: [],
      assignedTo: staff[seed.owner].id,
      businessId: seed.company ? businesses.get(seed.company) : undefined,
      followers: seed.key === "janeCooper" ? [staff.owner.id] : [],
      dateAdded: added,
      dateUpdated: seed.daysAgo > 30 ? at(Math.floor(seed.daysAgo / 5), index % 5) : added,
    });
    contacts.set(seed.key, contact);
    store.registerTags(locationId, seed.tags);
  }
}

function seedTasksAndNotes({
  store,
  nowMs,
  locationId,
  staff,
  contacts,
  at,
  local,
}: Seeding): void {
  for (const seed of TASKS) {
    const dueMs = local(...seed.due);
    const added = isoUtc(Math.min(dueMs - 3 * DAY_MS, nowMs - HOUR_MS));
    store.insert(store.tasks, {
      locationId,
      contactId: contactId(contacts, seed.contact),
      title: seed.title,
      body: seed.body,
      assignedTo: staff[seed.assignee].id,
      dueDate: isoUtc(dueMs),
      completed: seed.completed,
      dateAdded: added,
      dateUpdated: seed.completed ? isoUtc(Math.min(dueMs, nowMs - HOUR_MS)) : added,
    });
  }
  for (const seed of NOTES) {
    store.insert(store.notes, {
      locationId,
      contactId: contactId(contacts, seed.contact),
      body: seed.body,
      userId: staff[seed.author].id,
      dateAdded: at(seed.daysAgo, 2),
    });
  }
}

function seedCampaignsAndWorkflows({ store, locationId, contacts, at }: Seeding): void {
  const campaigns: [string, string[]][] = [
    ["New Lead Nurture (7 days)", ["janeDoe", "jayneWhitfield", "aishaThompson"]],
    ["Lapsed Member Win-Back", ["davidOkafor", "brianWalsh"]],
  ];
  for (const [name, members] of campaigns) {
    const campaign = store.insert(store.campaigns, { locationId, name, status: "published" });
    for (const key of members) {
      store.campaignMemberships.push({
        campaignId: campaign.id,
        contactId: contactId(contacts, key),
        dateAdded: at(members.length * 4),
      });
    }
  }

  const workflows: [string, number, string][] = [
    ["Free Intro Booked: Reminder Sequence", 260, "jayneWhitfield"],
    ["Package Renewal Reminder", 180, "janeCooper"],
  ];
  for (const [name, daysAgo, member] of workflows) {
    // Workflow ids are UUIDs on the platform, unlike other records.
    const id = store.ids.uuid();
    store.workflows.set(id, {
      id,
      locationId,
      name,
      status: "published",
      version: 3,
      createdAt: at(daysAgo),
      updatedAt: at(daysAgo / 4),
    });
    store.workflowMemberships.push({
      workflowId: id,
      contactId: contactId(contacts, member),
      dateAdded: at(3),
    });
  }
}

/** Weekday opening hours, `[from, to]` as `[hour, minute]`, in the studio's time zone. */
function weekly(
  days: number[],
  from: [number, number],
  to: [number, number],
): CalendarRecord["openHours"][number] {
  const [openHour, openMinute] = from;
  const [closeHour, closeMinute] = to;
  return { daysOfTheWeek: days, hours: [{ openHour, openMinute, closeHour, closeMinute }] };
}

const WEEKDAYS = [1, 2, 3, 4, 5];

function seedCalendars(seeding: Seeding): void {
  const { store, nowMs, locationId, staff, contacts, local } = seeding;
  const group = store.insert(store.calendarGroups, {
    locationId,
    name: "Northside Training",
    description: "Everything bookable at the studio.",
    slug: "northside-training",
    isActive: true,
  });
  const calendar = (
    name: string,
    slug: string,
    description: string,
    details: Pick<
      CalendarRecord,
      | "calendarType"
      | "teamMembers"
      | "slotDuration"
      | "slotInterval"
      | "appoinmentPerSlot"
      | "eventColor"
      | "openHours"
    >,
  ): CalendarRecord =>
    store.insert(store.calendars, {
      locationId,
      groupId: group.id,
      name,
      description,
      slug,
      slotDurationUnit: "mins",
      slotIntervalUnit: "mins",
      availabilities: [],
      eventTitle: `${name}: {{contact.name}}`,
      isActive: true,
      settings: { widgetType: "default", autoConfirm: true, allowReschedule: true },
      ...details,
    });
  const calendars: Record<CalendarKey, CalendarRecord> = {
    personal: calendar(
      "1:1 Personal Training",
      "personal-training",
      "A 60-minute session with your trainer.",
      {
        calendarType: "round_robin",
        teamMembers: [
          { userId: staff.priya.id, priority: 1 },
          { userId: staff.diego.id, priority: 0.5 },
          { userId: staff.hannah.id, priority: 0.5 },
        ],
        slotDuration: 60,
        slotInterval: 60,
        appoinmentPerSlot: 1,
        eventColor: "#2563eb",
        openHours: [weekly(WEEKDAYS, [6, 0], [20, 0]), weekly([6], [8, 0], [14, 0])],
      },
    ),
    intro: calendar(
      "Free Intro Session",
      "free-intro",
      "30 minutes: goals, movement screen and a studio tour.",
      {
        calendarType: "round_robin",
        teamMembers: [
          { userId: staff.diego.id, priority: 0.5 },
          { userId: staff.frontDesk.id, priority: 0.5 },
        ],
        slotDuration: 30,
        slotInterval: 30,
        appoinmentPerSlot: 1,
        eventColor: "#16a34a",
        openHours: [weekly(WEEKDAYS, [12, 0], [19, 0])],
      },
    ),
    hiit: calendar(
      "Saturday Small-Group HIIT",
      "small-group-hiit",
      "45-minute coached class, up to 8 people.",
      {
        calendarType: "class_booking",
        teamMembers: [{ userId: staff.priya.id, priority: 1 }],
        slotDuration: 45,
        slotInterval: 60,
        appoinmentPerSlot: 8,
        eventColor: "#ea580c",
        openHours: [weekly([6], [9, 0], [9, 45])],
      },
    ),
    massage: calendar(
      "Sports Massage",
      "sports-massage",
      "A 60-minute recovery massage in the Recovery Room.",
      {
        calendarType: "service_booking",
        teamMembers: [{ userId: staff.hannah.id, priority: 1 }],
        slotDuration: 60,
        slotInterval: 60,
        appoinmentPerSlot: 1,
        eventColor: "#9333ea",
        openHours: [weekly([2, 4], [10, 0], [18, 0])],
      },
    ),
  };

  const daysToSaturday = (6 - new Date(local(0, 12)).getUTCDay() + 7) % 7 || 7;
  for (const seed of APPOINTMENTS) {
    const booked = calendars[seed.calendar];
    const contact = contacts.get(seed.contact) as ContactRecord;
    const startMs = local(seed.day === "saturday" ? daysToSaturday : seed.day, ...seed.time);
    store.insert(store.appointments, {
      locationId,
      calendarId: booked.id,
      contactId: contact.id,
      groupId: group.id,
      title: `${booked.name}: ${contact.firstName} ${contact.lastName}`,
      appointmentStatus: seed.status,
      assignedUserId: staff[seed.trainer].id,
      users: [staff[seed.trainer].id],
      address: "2150 W Irving Park Rd, Chicago, IL 60618",
      startTime: isoWithOffset(startMs, TIMEZONE),
      endTime: isoWithOffset(startMs + booked.slotDuration * 60_000, TIMEZONE),
      dateAdded: isoUtc(Math.min(startMs - 7 * DAY_MS, nowMs - DAY_MS)),
      dateUpdated: isoUtc(Math.min(startMs - 2 * DAY_MS, nowMs - HOUR_MS)),
    });
  }
  seedCalendarExtras(seeding, calendars);
}

/**
 * The weekly staff meeting blocks the 1:1 calendar; notifications; the massage room and table;
 * Hannah massages only in the afternoons, by her availability schedule.
 */
function seedCalendarExtras(
  { store, nowMs, locationId, local, staff }: Seeding,
  calendars: Record<CalendarKey, CalendarRecord>,
): void {
  const meeting = local(3, 12);
  store.insert(store.blockedSlots, {
    locationId,
    calendarId: calendars.personal.id,
    title: "Staff meeting",
    startTime: isoWithOffset(meeting, TIMEZONE),
    endTime: isoWithOffset(meeting + HOUR_MS, TIMEZONE),
    dateAdded: isoUtc(nowMs - 10 * DAY_MS),
    dateUpdated: isoUtc(nowMs - 10 * DAY_MS),
  });

  const notification = {
    locationId,
    calendarId: calendars.personal.id,
    isActive: true,
    deleted: false,
  } as const;
  store.insert(store.calendarNotifications, {
    ...notification,
    receiverType: "contact",
    channel: "email",
    notificationType: "confirmation",
    subject: "Your session at Northside Strength is booked",
    body: "See you on {{appointment.start_time}}. Bring water and a towel.",
  });
  store.insert(store.calendarNotifications, {
    ...notification,
    receiverType: "contact",
    channel: "sms",
    notificationType: "reminder",
    body: "Reminder: training tomorrow at {{appointment.start_time}}. Reply C to confirm.",
    beforeTime: [{ timeOffset: 24, unit: "hours" }],
  });

  const resource = { locationId, isActive: true };
  store.insert(store.calendarResources, {
    ...resource,
    calendarIds: [calendars.massage.id],
    resourceType: "rooms",
    name: "Recovery Room",
    description: "Quiet room behind the turf, with a shower.",
    quantity: 1,
    outOfService: 0,
    capacity: 2,
  });
  store.insert(store.calendarResources, {
    ...resource,
    calendarIds: [calendars.massage.id],
    resourceType: "equipments",
    name: "Massage Table",
    description: "Adjustable, heated.",
    quantity: 2,
    outOfService: 0,
    capacity: 1,
  });

  const afternoons = () => [{ from: "12:00", to: "18:00" }];
  store.insert(store.schedules, {
    locationId,
    userId: staff.hannah.id,
    name: "Massage afternoons",
    timezone: TIMEZONE,
    rules: [
      { type: "wday", day: "tuesday", intervals: afternoons() },
      { type: "wday", day: "thursday", intervals: afternoons() },
    ],
    calendarIds: [calendars.massage.id],
    dateAdded: isoUtc(nowMs - 30 * DAY_MS),
    dateUpdated: isoUtc(nowMs - 30 * DAY_MS),
  });
}

function seedPipeline({ store, locationId, contacts, staff, at }: Seeding): void {
  const lostReasons = LOST_REASONS.map((name) =>
    store.insert(store.lostReasons, {
      locationId,
      name,
      deleted: false,
      createdAt: at(400),
      updatedAt: at(400),
    }),
  );
  const pipeline = store.insert(store.pipelines, {
    locationId,
    name: "New Member Journey",
    stages: STAGES.map((name, position) => ({ id: store.ids.uuid(), name, position })),
    showInFunnel: true,
    showInPieChart: true,
  });
  for (const seed of OPPORTUNITIES) {
    const contact = contacts.get(seed.contact) as ContactRecord;
    const changed = at(seed.daysAgo / 3);
    store.insert(store.opportunities, {
      locationId,
      pipelineId: pipeline.id,
      pipelineStageId: pipeline.stages.find((stage) => stage.name === seed.stage)?.id as string,
      contactId: contact.id,
      name: seed.name,
      monetaryValue: seed.value,
      status: seed.status,
      assignedTo: contact.assignedTo,
      source: contact.source,
      followers: (seed.followers ?? []).map((key) => staff[key].id),
      lostReasonId: lostReasons.find((reason) => reason.name === seed.lostReason)?.id,
      customFields: [],
      createdAt: at(seed.daysAgo),
      updatedAt: changed,
      lastStatusChangeAt: changed,
      lastStageChangeAt: changed,
    });
  }
}

/** A message of the seed: when (days and hours ago), on which channel, in which direction. */
interface MessageSeed {
  ago: [days: number, hours: number];
  type: "TYPE_SMS" | "TYPE_EMAIL" | "TYPE_CALL" | "TYPE_LIVE_CHAT" | "TYPE_FACEBOOK";
  direction: "inbound" | "outbound";
  body: string;
  /** Who at the studio sent it. */
  from?: StaffKey;
  subject?: string;
  /** Hours from now a scheduled message goes out. */
  scheduledIn?: number;
  /** A call: its length in seconds and what was said, by channel (1 the studio, 2 the caller). */
  call?: { duration: number; transcript: [channel: number, words: string][] };
}

interface ConversationSeed {
  contact: string;
  type: ConversationRecord["type"];
  unread?: number;
  starred?: boolean;
  /** Started from the website chat widget. */
  liveChat?: boolean;
  /** Sent through a custom conversation provider. */
  customProvider?: boolean;
  messages: MessageSeed[];
}

const CONVERSATIONS: ConversationSeed[] = [
  {
    contact: "janeCooper",
    type: "TYPE_PHONE",
    unread: 1,
    messages: [
      {
        ago: [3, 5],
        type: "TYPE_SMS",
        direction: "outbound",
        from: "priya",
        body: "Hi Jane, it's Priya at Northside Strength. You have 2 sessions left on your 10-session package. Want me to keep holding Tuesdays at 7am?",
      },
      {
        ago: [3, 4],
        type: "TYPE_SMS",
        direction: "inbound",
        body: "Hi Priya! Yes please keep Tuesday. I'm thinking about renewing too, is the 10-pack still $950?",
      },
      {
        ago: [2, 6],
        type: "TYPE_SMS",
        direction: "outbound",
        from: "priya",
        body: "It is! Marcus will give you a call tomorrow to go over the renewal options.",
      },
      {
        ago: [0, 3],
        type: "TYPE_SMS",
        direction: "inbound",
        body: "Great, afternoons work best for a call. Thanks!",
      },
    ],
  },
  {
    contact: "janeDoe",
    type: "TYPE_EMAIL",
    unread: 1,
    messages: [
      {
        ago: [4, 2],
        type: "TYPE_EMAIL",
        direction: "outbound",
        from: "frontDesk",
        subject: "Your free intro session at Northside Strength",
        body: "<p>Hi Jane,</p><p>Thanks for booking your free intro session! Wear comfortable shoes and bring water. We're at 2150 W Irving Park Rd.</p><p>See you soon,<br>Tyler</p>",
      },
      {
        ago: [3, 20],
        type: "TYPE_EMAIL",
        direction: "inbound",
        subject: "Re: Your free intro session at Northside Strength",
        body: "<p>Thanks Tyler! Is there parking near the studio?</p>",
      },
      {
        ago: [0, 2],
        type: "TYPE_SMS",
        direction: "outbound",
        from: "frontDesk",
        scheduledIn: 20,
        body: "Reminder: your free intro session at Northside Strength is tomorrow. Reply C to confirm.",
      },
    ],
  },
  {
    contact: "robertChen",
    type: "TYPE_PHONE",
    messages: [
      {
        ago: [6, 3],
        type: "TYPE_CALL",
        direction: "inbound",
        body: "",
        call: {
          duration: 94,
          transcript: [
            [1, "Northside Strength, this is Marcus."],
            [2, "Hi Marcus, it's Robert Chen. Can I move Thursday's session to Friday morning?"],
            [1, "Sure, Diego has 7am open on Friday. Does that work?"],
            [2, "Perfect, thanks."],
          ],
        },
      },
      {
        ago: [6, 2],
        type: "TYPE_SMS",
        direction: "outbound",
        from: "owner",
        body: "Thanks for calling, Robert. You're booked with Diego on Friday at 7am.",
      },
    ],
  },
  {
    contact: "aishaThompson",
    type: "TYPE_PHONE",
    unread: 1,
    liveChat: true,
    messages: [
      {
        ago: [1, 1],
        type: "TYPE_LIVE_CHAT",
        direction: "inbound",
        body: "Hi! Do you offer small-group classes on weekends?",
      },
    ],
  },
  {
    contact: "mariaGonzalez",
    type: "TYPE_FB_MESSENGER",
    starred: true,
    messages: [
      {
        ago: [9, 4],
        type: "TYPE_FACEBOOK",
        direction: "inbound",
        body: "Hi! Saw your post about the Saturday HIIT class. Is there room for a beginner?",
      },
      {
        ago: [9, 2],
        type: "TYPE_FACEBOOK",
        direction: "outbound",
        from: "hannah",
        body: "Absolutely, beginners are welcome! I'll save you a spot this Saturday.",
      },
    ],
  },
  {
    contact: "tomKowalski",
    type: "TYPE_PHONE",
    customProvider: true,
    messages: [
      {
        ago: [0, 6],
        type: "TYPE_SMS",
        direction: "outbound",
        from: "owner",
        body: "Hi Tom, the corporate rate quote for Kowalski Plumbing is ready. Reply YES and we'll email it over.",
      },
    ],
  },
];

const TEMPLATES: (Pick<MessageTemplateRecord, "name" | "type" | "body" | "subject" | "html"> & {
  daysAgo: number;
  deleted?: boolean;
})[] = [
  {
    name: "Session reminder",
    type: "sms",
    body: "Hi {{contact.first_name}}, see you at {{appointment.start_time}} at Northside Strength!",
    daysAgo: 120,
  },
  {
    name: "Package renewal nudge",
    type: "sms",
    body: "Hi {{contact.first_name}}, you have a couple of sessions left on your package. Want to renew at the same rate? Reply YES.",
    daysAgo: 60,
  },
  {
    name: "Welcome to Northside Strength",
    type: "email",
    subject: "Welcome to Northside Strength, {{contact.first_name}}!",
    html: "<p>Hi {{contact.first_name}},</p><p>Welcome to the studio! Your trainer will reach out to plan your first week.</p><p>Marcus Reid, Owner</p>",
    daysAgo: 200,
  },
  {
    name: "Class waitlist opening",
    type: "whatsapp",
    body: "Good news {{contact.first_name}}: a spot opened up in Saturday HIIT. Want it?",
    daysAgo: 30,
  },
  {
    name: "Holiday hours",
    type: "sms",
    body: "We're closed on Dec 25 and Jan 1. Happy holidays from Northside Strength!",
    daysAgo: 340,
    deleted: true,
  },
];

/** Conversations with a few messages for several contacts (Jane Cooper's SMS thread among them). */
function seedConversations({ store, nowMs, locationId, staff, contacts, at }: Seeding): void {
  const location = store.locations.get(locationId)!;
  const studioEmail = `${location.name} <${location.email}>`;
  for (const seed of CONVERSATIONS) {
    const contact = contacts.get(seed.contact) as ContactRecord;
    const contactEmail = `${contact.firstName} ${contact.lastName} <${contact.email}>`;
    const dates = seed.messages.map((m) => at(...m.ago));
    const conversation = store.insert(store.conversations, {
      locationId,
      contactId: contact.id,
      type: seed.type,
      assignedTo: contact.assignedTo,
      followers: [],
      unreadCount: seed.unread ?? 0,
      starred: seed.starred === true,
      inbox: true,
      visitorId: seed.liveChat ? store.ids.id() : undefined,
      dateAdded: dates[0] as string,
      dateUpdated: dates.at(-1) as string,
    });
    const providerId = seed.customProvider ? store.ids.id() : undefined;
    for (const [index, message] of seed.messages.entries()) {
      const id = store.ids.id();
      const outbound = message.direction === "outbound";
      store.messages.set(id, {
        id,
        locationId,
        conversationId: conversation.id,
        contactId: contact.id,
        messageType: providerId ? "TYPE_CUSTOM_PROVIDER_SMS" : message.type,
        direction: message.direction,
        status: seededStatus(message, providerId !== undefined),
        body: message.body,
        contentType: message.body.startsWith("<") ? "text/html" : "text/plain",
        attachments: [],
        source: outbound ? "app" : undefined,
        userId: message.from && staff[message.from].id,
        conversationProviderId: providerId,
        email: message.subject
          ? {
              id: store.ids.id(),
              subject: message.subject,
              from: outbound ? studioEmail : contactEmail,
              to: [outbound ? (contact.email as string) : location.email],
              cc: [],
              bcc: [],
              threadId: id,
            }
          : undefined,
        call: message.call && {
          duration: message.call.duration,
          status: "completed",
          recording: { contentType: "audio/x-wav", data: toneWav() },
          transcription: message.call.transcript.map(([channel, words], sentenceIndex) => ({
            mediaChannel: channel,
            sentenceIndex,
            startTime: sentenceIndex * 20_000,
            endTime: sentenceIndex * 20_000 + 15_000,
            transcript: words,
            confidence: 0.92,
          })),
        },
        scheduledAt: message.scheduledIn
          ? isoUtc(nowMs + message.scheduledIn * HOUR_MS)
          : undefined,
        dateAdded: dates[index] as string,
      });
    }
  }

  for (const seed of TEMPLATES) {
    store.insert(store.messageTemplates, {
      locationId,
      originId: locationId,
      name: seed.name,
      type: seed.type,
      body: seed.body,
      subject: seed.subject,
      html: seed.html,
      attachments: [],
      deleted: seed.deleted === true,
      dateAdded: at(seed.daysAgo),
    });
  }
}

/** Scheduled ones wait; a custom provider has not reported yet; the rest went out and were read. */
function seededStatus(message: MessageSeed, customProvider: boolean): MessageStatus {
  if (message.scheduledIn) return "scheduled";
  if (customProvider) return "pending";
  return message.direction === "outbound" ? "delivered" : "read";
}

/** A quarter second of a quiet 440 Hz tone as an 8 kHz, 8-bit mono WAV: a real, tiny recording. */
function toneWav(): Buffer {
  const samples = 2000;
  const wav = Buffer.alloc(44 + samples);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    wav[44 + i] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  }
  return wav;
}

function contactId(contacts: Map<string, ContactRecord>, key: string): string {
  const contact = contacts.get(key);
  if (!contact) throw new Error(`Seed refers to unknown contact ${key}`);
  return contact.id;
}

/** GHL's built-in associations have fixed, readable ids; the key is inferred to be the same. */
const SYSTEM_ASSOCIATIONS = [
  {
    id: "BUSINESSES_CONTACTS_ASSOCIATION",
    first: ["business", "Business"],
    second: ["contact", "Contact"],
  },
  {
    id: "OPPORTUNITIES_CONTACTS_ASSOCIATION",
    first: ["opportunity", "Opportunity"],
    second: ["contact", "Contact"],
  },
] as const;

/** Who referred whom, as the contacts' sources say. */
const REFERRALS: [referrer: string, referred: string][] = [
  ["janeCooper", "robertChen"],
  ["janeCooper", "samWhitaker"],
  ["robertChen", "michaelBrennan"],
];

function seedAssociations({ store, locationId, contacts, at }: Seeding): void {
  for (const system of SYSTEM_ASSOCIATIONS) {
    store.associations.set(system.id, {
      id: system.id,
      locationId,
      key: system.id,
      firstObjectKey: system.first[0],
      firstObjectLabel: system.first[1],
      secondObjectKey: system.second[0],
      secondObjectLabel: system.second[1],
      associationType: "SYSTEM_DEFINED",
    });
  }
  const referral = store.insert(store.associations, {
    locationId,
    key: "referral",
    firstObjectKey: "contact",
    firstObjectLabel: "Referrer",
    secondObjectKey: "contact",
    secondObjectLabel: "Referred client",
    associationType: "USER_DEFINED",
  });
  for (const [referrer, referred] of REFERRALS) {
    store.insert(store.relations, {
      locationId,
      associationId: referral.id,
      firstRecordId: contactId(contacts, referrer),
      secondRecordId: contactId(contacts, referred),
      createdAt: at(60),
    });
  }
  const jane = contacts.get("janeCooper") as ContactRecord;
  store.insert(store.relations, {
    locationId,
    associationId: "BUSINESSES_CONTACTS_ASSOCIATION",
    firstRecordId: jane.businessId as string,
    secondRecordId: jane.id,
    createdAt: at(400),
  });
}

interface BlogPostSeed {
  title: string;
  slug: string;
  description: string;
  html: string;
  status: "PUBLISHED" | "DRAFT" | "SCHEDULED";
  author: "marcus" | "priya" | "hannah";
  category: "training" | "nutrition" | "news";
  /** Days before today it was (or will be, when negative) published. */
  publishedDaysAgo: number;
}

const BLOG_POSTS: BlogPostSeed[] = [
  {
    title: "5 Mobility Drills for Desk Workers",
    slug: "mobility-drills-desk-workers",
    description: "Ten minutes a day to undo eight hours in a chair.",
    html: "<h2>Sit less, move more</h2><p>Start with hip flexor stretches and thoracic rotations.</p>",
    status: "PUBLISHED",
    author: "priya",
    category: "training",
    publishedDaysAgo: 30,
  },
  {
    title: "What to Eat Before a 7am Session",
    slug: "what-to-eat-before-early-session",
    description: "Simple pre-workout breakfasts that sit well.",
    html: "<h2>Fuel early</h2><p>A banana and a spoon of peanut butter go a long way.</p>",
    status: "PUBLISHED",
    author: "hannah",
    category: "nutrition",
    publishedDaysAgo: 12,
  },
  {
    title: "Spring Challenge: How It Works",
    slug: "spring-challenge-how-it-works",
    description: "Three sessions, six weeks, one goal.",
    html: "<h2>The challenge</h2><p>Draft: rules, prizes and the sign-up link.</p>",
    status: "DRAFT",
    author: "marcus",
    category: "news",
    publishedDaysAgo: 0,
  },
  {
    title: "Saturday Small-Group HIIT Is Back",
    slug: "saturday-small-group-hiit",
    description: "Coached 45-minute classes, up to eight people.",
    html: "<h2>Back on Saturdays</h2><p>Book through the studio app.</p>",
    status: "SCHEDULED",
    author: "priya",
    category: "news",
    publishedDaysAgo: -5,
  },
];

function seedBlog({ store, locationId, at }: Seeding): void {
  const site = "https://northsidestrength.com";
  const blog = store.insert(store.blogs, { locationId, name: "Northside Strength Journal" });
  const author = (name: string) =>
    store.insert(store.blogAuthors, {
      locationId,
      name,
      canonicalLink: `${site}/author/${name.toLowerCase().replace(" ", "-")}`,
      updatedAt: at(90),
    });
  const authors = {
    marcus: author("Marcus Reid"),
    priya: author("Priya Shah"),
    hannah: author("Hannah Kim"),
  };
  const category = (label: string, urlSlug: string) =>
    store.insert(store.blogCategories, {
      locationId,
      label,
      urlSlug,
      canonicalLink: `${site}/category/${urlSlug}`,
      updatedAt: at(90),
    });
  const categories = {
    training: category("Training", "training"),
    nutrition: category("Nutrition", "nutrition"),
    news: category("Studio News", "studio-news"),
  };
  for (const seed of BLOG_POSTS) {
    store.insert(store.blogPosts, {
      locationId,
      blogId: blog.id,
      title: seed.title,
      description: seed.description,
      rawHTML: seed.html,
      imageUrl: `${site}/images/blog/${seed.slug}.jpg`,
      imageAltText: seed.title,
      status: seed.status,
      categories: [categories[seed.category].id],
      tags: [seed.category],
      author: authors[seed.author].id,
      urlSlug: seed.slug,
      canonicalLink: `${site}/post/${seed.slug}`,
      publishedAt: at(seed.publishedDaysAgo),
      createdAt: at(Math.max(seed.publishedDaysAgo, 0) + 3),
      updatedAt: at(Math.max(seed.publishedDaysAgo, 0)),
    });
  }
}
