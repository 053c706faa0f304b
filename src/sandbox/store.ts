// The sandbox's live state: typed in-memory collections, one per GoHighLevel record type. Tests read
// and change it directly, as a person working in the GoHighLevel app would.
import { IdGenerator } from "./ids.js";

/** Seed of the id generator; any fixed value makes runs repeatable. */
const ID_SEED = 0x6e5157;

export type DndStatus = "active" | "inactive" | "permanent";
export type DndChannel = "Call" | "Email" | "SMS" | "WhatsApp" | "GMB" | "FB";

export interface CompanyRecord {
  id: string;
  name: string;
  email: string;
}

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  website: string;
  timezone: string;
  /** The location setting "Allow Duplicate Contact" and its match order (PLATFORM.md §7.3). */
  allowDuplicateContact: boolean;
  duplicateContactPriority: ("email" | "phone")[];
  dateAdded: string;
}

export interface UserRecord {
  id: string;
  companyId: string;
  locationIds: string[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  type: "account" | "agency";
  role: "admin" | "user";
  /** What the person does at the studio, for believable sample data. */
  title: string;
  deleted: boolean;
}

export interface ContactRecord {
  id: string;
  locationId: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  companyName?: string;
  address1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  website?: string;
  timezone?: string;
  gender?: string;
  source?: string;
  type: "lead" | "customer";
  tags: string[];
  dnd: boolean;
  dndSettings: Partial<Record<DndChannel, { status: DndStatus; message?: string; code?: string }>>;
  inboundDndSettings?: { all?: { status: "active" | "inactive"; message?: string } };
  customFields: { id: string; value: unknown }[];
  assignedTo?: string;
  businessId?: string;
  /** ISO midnight UTC. */
  dateOfBirth?: string;
  followers: string[];
  dateAdded: string;
  dateUpdated: string;
}

export interface TaskRecord {
  id: string;
  locationId: string;
  contactId: string;
  title: string;
  body?: string;
  assignedTo?: string;
  dueDate: string;
  completed: boolean;
  dateAdded: string;
  dateUpdated: string;
}

export interface NoteRecord {
  id: string;
  locationId: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
}

export interface TagRecord {
  id: string;
  locationId: string;
  name: string;
}

export interface BusinessRecord {
  id: string;
  locationId: string;
  name: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  description?: string;
  createdBy?: string;
  updatedBy?: string;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignRecord {
  id: string;
  locationId: string;
  name: string;
  status: "published" | "draft";
}

export interface CampaignMembershipRecord {
  campaignId: string;
  contactId: string;
  dateAdded: string;
}

export interface WorkflowRecord {
  id: string;
  locationId: string;
  name: string;
  status: "published" | "draft";
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowMembershipRecord {
  workflowId: string;
  contactId: string;
  eventStartTime?: string;
  dateAdded: string;
}

export interface CalendarGroupRecord {
  id: string;
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive: boolean;
}

export interface CalendarRecord {
  id: string;
  locationId: string;
  groupId?: string;
  name: string;
  description: string;
  slug: string;
  calendarType: "round_robin" | "event" | "class_booking" | "collective" | "service_booking";
  teamMembers: { userId: string; priority: number }[];
  slotDuration: number;
  slotDurationUnit: "mins" | "hours";
  appoinmentPerSlot: number;
  eventColor: string;
  isActive: boolean;
}

export type AppointmentStatus = "new" | "confirmed" | "cancelled" | "showed" | "noshow" | "invalid";

export interface AppointmentRecord {
  id: string;
  locationId: string;
  calendarId: string;
  contactId: string;
  groupId?: string;
  title: string;
  appointmentStatus: AppointmentStatus;
  assignedUserId: string;
  users: string[];
  notes?: string;
  address?: string;
  /** ISO with the location's offset, e.g. `2026-03-10T09:00:00-05:00`. */
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

export interface PipelineRecord {
  id: string;
  locationId: string;
  name: string;
  stages: { id: string; name: string; position: number }[];
  showInFunnel: boolean;
  showInPieChart: boolean;
}

export interface OpportunityRecord {
  id: string;
  locationId: string;
  pipelineId: string;
  pipelineStageId: string;
  contactId: string;
  name: string;
  monetaryValue: number;
  status: "open" | "won" | "lost" | "abandoned";
  assignedTo?: string;
  source?: string;
  followers: string[];
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
}

export class SandboxStore {
  ids = new IdGenerator(ID_SEED);

  readonly companies = new Map<string, CompanyRecord>();
  readonly locations = new Map<string, LocationRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly contacts = new Map<string, ContactRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly notes = new Map<string, NoteRecord>();
  readonly tags = new Map<string, TagRecord>();
  readonly businesses = new Map<string, BusinessRecord>();
  readonly campaigns = new Map<string, CampaignRecord>();
  readonly campaignMemberships: CampaignMembershipRecord[] = [];
  readonly workflows = new Map<string, WorkflowRecord>();
  readonly workflowMemberships: WorkflowMembershipRecord[] = [];
  readonly calendarGroups = new Map<string, CalendarGroupRecord>();
  readonly calendars = new Map<string, CalendarRecord>();
  readonly appointments = new Map<string, AppointmentRecord>();
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly opportunities = new Map<string, OpportunityRecord>();

  /** Empties every collection and rewinds the id generator. */
  clear(): void {
    this.ids = new IdGenerator(ID_SEED);
    for (const value of Object.values(this)) {
      if (value instanceof Map) value.clear();
      else if (Array.isArray(value)) value.length = 0;
    }
  }

  /** Adds a record under a fresh id and returns it. */
  insert<T extends { id: string }>(collection: Map<string, T>, record: Omit<T, "id">): T {
    const stored = { id: this.ids.id(), ...record } as T;
    collection.set(stored.id, stored);
    return stored;
  }

  contactsOf(locationId: string): ContactRecord[] {
    return [...this.contacts.values()].filter((contact) => contact.locationId === locationId);
  }

  /** Keeps the location's tag list in step with the tags contacts carry, as the app does. */
  registerTags(locationId: string, names: string[]): void {
    for (const name of names) {
      const known = [...this.tags.values()].some(
        (t) => t.locationId === locationId && t.name === name,
      );
      if (!known) this.insert(this.tags, { locationId, name });
    }
  }
}
