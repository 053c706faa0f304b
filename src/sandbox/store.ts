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
  phone?: string;
  website?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  timezone?: string;
  /** The agency's own domain for its white-labelled app. */
  domain?: string;
}

/** A saved copy of a sub-account's setup that the agency loads into new locations. */
export interface SnapshotRecord {
  id: string;
  companyId: string;
  name: string;
  /** "own": built in this agency; "imported": shared with it by another. */
  type: "own" | "imported";
}

/** A legacy location custom field (GET /locations/{locationId}/customFields). */
export interface CustomFieldRecord {
  id: string;
  locationId: string;
  name: string;
  /** `contact.fitness_goal`: how merge fields and contact writes by key name it. */
  fieldKey: string;
  dataType: string;
  model: "contact" | "opportunity";
  position: number;
  placeholder?: string;
  picklistOptions?: string[];
  acceptedFormat?: string[];
  isMultipleFile?: boolean;
  maxNumberOfFiles?: number;
  textBoxListOptions?: { label?: string; prefillValue?: string }[];
}

/** A location-wide merge value, e.g. the studio's phone, used in templates and workflows. */
export interface CustomValueRecord {
  id: string;
  locationId: string;
  name: string;
  /** `{{ custom_values.studio_phone }}`. */
  fieldKey: string;
  value: string;
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
  /** Set when the user was created or changed with them; views fill in GHL's defaults. */
  permissions?: Record<string, boolean>;
  scopes?: string[];
  scopesAssignedToOnly?: string[];
  profilePhoto?: string;
  platformLanguage?: string;
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

/** One opening, in the calendar's (the location's) wall-clock time. */
export interface OpenHours {
  openHour: number;
  openMinute: number;
  closeHour: number;
  closeMinute: number;
}

export type DurationUnit = "mins" | "hours";

export interface CalendarRecord {
  id: string;
  locationId: string;
  groupId?: string;
  name: string;
  description: string;
  slug: string;
  calendarType:
    "round_robin" | "event" | "class_booking" | "collective" | "service_booking" | "personal";
  teamMembers: { userId: string; priority: number; isPrimary?: boolean }[];
  slotDuration: number;
  slotDurationUnit: DurationUnit;
  /** The step between slot starts. */
  slotInterval: number;
  slotIntervalUnit: DurationUnit;
  /** Time kept free after (slotBuffer) and before (preBuffer) each appointment. */
  slotBuffer?: number;
  slotBufferUnit?: DurationUnit;
  preBuffer?: number;
  preBufferUnit?: DurationUnit;
  appoinmentPerSlot: number;
  /** Weekly availability: days 0 (Sunday) to 6. */
  openHours: { daysOfTheWeek: number[]; hours: OpenHours[] }[];
  /** Date-specific hours that replace the weekly ones; `date` is `<local YYYY-MM-DD>T00:00:00.000Z`. */
  availabilities: { date: string; hours: OpenHours[]; deleted?: boolean }[];
  eventTitle: string;
  eventColor: string;
  isActive: boolean;
  /** Every other CalendarDTO field as last written (widgetType, autoConfirm, formId, ...). */
  settings: Record<string, unknown>;
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
  /** Absent on calendars without team members. */
  assignedUserId?: string;
  users: string[];
  notes?: string;
  description?: string;
  address?: string;
  meetingLocationType?: string;
  meetingLocationId?: string;
  /** Kept as sent; the sandbox does not expand a series into instances. */
  rrule?: string;
  /** ISO with the location's offset, e.g. `2026-03-10T09:00:00-05:00`. */
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

/** Time blocked off on a calendar (or for one user), kept apart from appointments. */
export interface BlockedSlotRecord {
  id: string;
  locationId: string;
  calendarId?: string;
  assignedUserId?: string;
  title: string;
  /** ISO with the location's offset, like appointment times. */
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

export interface AppointmentNoteRecord {
  id: string;
  locationId: string;
  appointmentId: string;
  contactId: string;
  body: string;
  userId?: string;
  dateAdded: string;
}

export interface CalendarNotificationRecord {
  id: string;
  locationId: string;
  calendarId: string;
  receiverType: "contact" | "guest" | "assignedUser" | "emails" | "phoneNumbers" | "business";
  channel: "email" | "inApp" | "sms" | "whatsapp";
  notificationType:
    "booked" | "confirmation" | "cancellation" | "reminder" | "followup" | "reschedule";
  isActive: boolean;
  /** Deleting a notification only marks it (the DTO's soft-delete flag). */
  deleted: boolean;
  templateId?: string;
  subject?: string;
  body?: string;
  beforeTime?: { timeOffset: number; unit: string }[];
  afterTime?: { timeOffset: number; unit: string }[];
  additionalEmailIds?: string[];
  additionalPhoneNumbers?: string[];
  selectedUsers?: string[];
  fromAddress?: string;
  fromName?: string;
  fromNumber?: string;
}

/** A room or a piece of equipment that service calendars book. */
export interface CalendarResourceRecord {
  id: string;
  locationId: string;
  resourceType: "equipments" | "rooms";
  name: string;
  description: string;
  quantity: number;
  outOfService: number;
  capacity: number;
  calendarIds: string[];
  isActive: boolean;
}

/** A user's availability, applied to the calendars it lists instead of their open hours. */
export interface ScheduleRecord {
  id: string;
  locationId: string;
  userId: string;
  name: string;
  /** IANA zone the rules' clock times are in. */
  timezone: string;
  rules: {
    type: "wday" | "date";
    day?: "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
    date?: string;
    intervals: { from: string; to: string }[];
  }[];
  calendarIds: string[];
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
  /** Set while the status is lost, when a reason was given. */
  lostReasonId?: string;
  customFields: { id: string; fieldValue: unknown }[];
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
}

/** A kind of link between two objects (contact, opportunity, business, custom_objects.*). */
export interface AssociationRecord {
  id: string;
  locationId: string;
  key: string;
  firstObjectKey: string;
  firstObjectLabel: string;
  secondObjectKey: string;
  secondObjectLabel: string;
  associationType: "USER_DEFINED" | "SYSTEM_DEFINED";
}

/** One link of an association between two records. */
export interface RelationRecord {
  id: string;
  locationId: string;
  associationId: string;
  firstRecordId: string;
  secondRecordId: string;
  createdAt: string;
}

export interface BlogRecord {
  id: string;
  locationId: string;
  name: string;
}

export interface BlogAuthorRecord {
  id: string;
  locationId: string;
  name: string;
  canonicalLink: string;
  updatedAt: string;
}

export interface BlogCategoryRecord {
  id: string;
  locationId: string;
  label: string;
  urlSlug: string;
  canonicalLink: string;
  updatedAt: string;
}

export type BlogPostStatus = "DRAFT" | "PUBLISHED" | "SCHEDULED" | "ARCHIVED";

export interface BlogPostRecord {
  id: string;
  locationId: string;
  blogId: string;
  title: string;
  description: string;
  rawHTML: string;
  wordCount?: number;
  imageUrl: string;
  imageAltText: string;
  status: BlogPostStatus;
  categories: string[];
  tags: string[];
  /** The author's id. */
  author: string;
  urlSlug: string;
  canonicalLink: string;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface LostReasonRecord {
  id: string;
  locationId: string;
  name: string;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A thread with one contact; its last-message fields are derived from its messages. */
export interface ConversationRecord {
  id: string;
  locationId: string;
  contactId: string;
  /** The conversation's primary channel. */
  type: "TYPE_PHONE" | "TYPE_EMAIL" | "TYPE_FB_MESSENGER" | "TYPE_REVIEW" | "TYPE_GROUP_SMS";
  assignedTo?: string;
  followers: string[];
  unreadCount: number;
  starred: boolean;
  inbox: boolean;
  /** Live chat only: the website visitor, and whether an agent is shown as typing. */
  visitorId?: string;
  agentTyping?: boolean;
  dateAdded: string;
  dateUpdated: string;
}

export type MessageStatus =
  | "connected"
  | "delivered"
  | "failed"
  | "opened"
  | "pending"
  | "read"
  | "scheduled"
  | "sent"
  | "undelivered"
  | "clicked"
  | "opt_out"
  | "queued";

/** One sentence of a call's transcription, as GET .../transcription returns it. */
export interface TranscriptSentence {
  mediaChannel: number;
  sentenceIndex: number;
  startTime: number;
  endTime: number;
  transcript: string;
  confidence: number;
}

export interface MessageRecord {
  id: string;
  locationId: string;
  conversationId: string;
  contactId: string;
  /** TYPE_SMS, TYPE_EMAIL, TYPE_CALL, ... */
  messageType: string;
  direction: "inbound" | "outbound";
  status: MessageStatus;
  body: string;
  contentType: string;
  attachments: string[];
  source?: "workflow" | "bulk_actions" | "campaign" | "api" | "app";
  userId?: string;
  conversationProviderId?: string;
  /** Email only: the email's own id and headers (GET /conversations/messages/email/{id}). */
  email?: {
    id: string;
    subject: string;
    from: string;
    to: string[];
    cc: string[];
    bcc: string[];
    threadId: string;
    replyToMessageId?: string;
  };
  /** Calls only. */
  call?: {
    duration: number;
    status: "completed" | "answered" | "busy" | "no-answer" | "failed" | "voicemail";
    recording?: { contentType: string; data: Buffer };
    transcription?: TranscriptSentence[];
  };
  /** When a scheduled message goes out (ISO); set while status is "scheduled". */
  scheduledAt?: string;
  dateAdded: string;
}

/** An SMS, email or WhatsApp snippet of the location (GET /locations/{locationId}/templates). */
export interface MessageTemplateRecord {
  id: string;
  locationId: string;
  /** Who owns the template; for a sub-account's own templates, the location id. */
  originId: string;
  name: string;
  type: "sms" | "email" | "whatsapp";
  body?: string;
  subject?: string;
  html?: string;
  attachments: string[];
  deleted: boolean;
  dateAdded: string;
}

export class SandboxStore {
  ids = new IdGenerator(ID_SEED);

  readonly companies = new Map<string, CompanyRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly customFields = new Map<string, CustomFieldRecord>();
  readonly customValues = new Map<string, CustomValueRecord>();
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
  readonly blockedSlots = new Map<string, BlockedSlotRecord>();
  readonly appointmentNotes = new Map<string, AppointmentNoteRecord>();
  readonly calendarNotifications = new Map<string, CalendarNotificationRecord>();
  readonly calendarResources = new Map<string, CalendarResourceRecord>();
  readonly schedules = new Map<string, ScheduleRecord>();
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly opportunities = new Map<string, OpportunityRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly messageTemplates = new Map<string, MessageTemplateRecord>();
  readonly lostReasons = new Map<string, LostReasonRecord>();
  readonly associations = new Map<string, AssociationRecord>();
  readonly relations = new Map<string, RelationRecord>();
  readonly blogs = new Map<string, BlogRecord>();
  readonly blogAuthors = new Map<string, BlogAuthorRecord>();
  readonly blogCategories = new Map<string, BlogCategoryRecord>();
  readonly blogPosts = new Map<string, BlogPostRecord>();

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
