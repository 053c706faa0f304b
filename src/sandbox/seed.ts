// The sandbox's starting state: a personal-training studio in Chicago with its staff, clients and
// leads, tasks, notes, calendars, appointments and a sales pipeline. Every date is relative to the
// clock, so "due tomorrow" is true whenever the tests run; ids come from the store's seeded generator.
import type { CalendarRecord, ContactRecord, SandboxStore, UserRecord } from "./store.js";
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

type CalendarKey = "personal" | "intro" | "hiit";

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
  status: "open" | "won";
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
];

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
  return { companyId, locationId };
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
      "calendarType" | "teamMembers" | "slotDuration" | "appoinmentPerSlot" | "eventColor"
    >,
  ): CalendarRecord =>
    store.insert(store.calendars, {
      locationId,
      groupId: group.id,
      name,
      description,
      slug,
      slotDurationUnit: "mins",
      isActive: true,
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
        appoinmentPerSlot: 1,
        eventColor: "#2563eb",
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
        appoinmentPerSlot: 1,
        eventColor: "#16a34a",
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
        appoinmentPerSlot: 8,
        eventColor: "#ea580c",
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
}

function seedPipeline({ store, locationId, contacts, at }: Seeding): void {
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
      followers: [],
      createdAt: at(seed.daysAgo),
      updatedAt: changed,
      lastStatusChangeAt: changed,
      lastStageChangeAt: changed,
    });
  }
}

function contactId(contacts: Map<string, ContactRecord>, key: string): string {
  const contact = contacts.get(key);
  if (!contact) throw new Error(`Seed refers to unknown contact ${key}`);
  return contact.id;
}
