// Changes made "from outside": what a person working in the GoHighLevel app does while a client is
// connected. Tests change data this way rather than through the API, as the app would, and every
// change stamps `dateUpdated` with the sandbox clock, so polling sees what GHL would show.
import type { AppointmentRecord, ContactRecord, SandboxStore, TaskRecord } from "./store.js";
import { isoUtc } from "./time.js";

type ContactChanges = Partial<
  Omit<ContactRecord, "id" | "locationId" | "dateAdded" | "dateUpdated">
>;
type TaskChanges = Partial<
  Pick<TaskRecord, "title" | "body" | "dueDate" | "completed" | "assignedTo">
>;

export interface OutsideChanges {
  updateContact(contactId: string, changes: ContactChanges): ContactRecord;
  /** A new contact in the sandbox's location, as if typed in or imported in the app. */
  addContact(fields: {
    firstName: string;
    lastName?: string;
    email?: string;
    phone?: string;
  }): ContactRecord;
  updateTask(taskId: string, changes: TaskChanges): TaskRecord;
  addTask(contactId: string, fields: { title: string; dueDate: string; body?: string }): TaskRecord;
  bookAppointment(fields: {
    calendarId: string;
    contactId: string;
    /** ISO 8601 with an offset. */
    startTime: string;
    endTime: string;
    title?: string;
  }): AppointmentRecord;
  moveAppointment(appointmentId: string, startTime: string, endTime: string): AppointmentRecord;
  cancelAppointment(appointmentId: string): AppointmentRecord;
}

export function outsideChanges(
  store: SandboxStore,
  locationId: string,
  now: () => number,
): OutsideChanges {
  const stamp = () => isoUtc(now());
  const existing = <T>(collection: Map<string, T>, id: string, what: string): T => {
    const record = collection.get(id);
    if (!record) throw new Error(`No ${what} ${id} in the sandbox`);
    return record;
  };
  const changeAppointment = (id: string, changes: Partial<AppointmentRecord>) =>
    Object.assign(existing(store.appointments, id, "appointment"), changes, {
      dateUpdated: stamp(),
    });

  return {
    updateContact(contactId, changes) {
      const contact = existing(store.contacts, contactId, "contact");
      Object.assign(contact, changes, { dateUpdated: stamp() });
      store.registerTags(contact.locationId, contact.tags);
      return contact;
    },
    addContact(fields) {
      const at = stamp();
      return store.insert(store.contacts, {
        locationId,
        ...fields,
        email: fields.email?.toLowerCase(),
        type: "lead",
        tags: [],
        dnd: false,
        dndSettings: {},
        customFields: [],
        followers: [],
        dateAdded: at,
        dateUpdated: at,
      });
    },
    updateTask(taskId, changes) {
      return Object.assign(existing(store.tasks, taskId, "task"), changes, {
        dateUpdated: stamp(),
      });
    },
    addTask(contactId, fields) {
      const contact = existing(store.contacts, contactId, "contact");
      const at = stamp();
      return store.insert(store.tasks, {
        locationId: contact.locationId,
        contactId,
        completed: false,
        ...fields,
        dateAdded: at,
        dateUpdated: at,
      });
    },
    bookAppointment({ calendarId, contactId, startTime, endTime, title }) {
      const calendar = existing(store.calendars, calendarId, "calendar");
      const contact = existing(store.contacts, contactId, "contact");
      const at = stamp();
      return store.insert(store.appointments, {
        locationId: calendar.locationId,
        calendarId,
        contactId,
        groupId: calendar.groupId,
        title:
          title ?? `${calendar.name}: ${contact.firstName ?? ""} ${contact.lastName ?? ""}`.trim(),
        appointmentStatus: "confirmed",
        assignedUserId: calendar.teamMembers[0]?.userId,
        users: calendar.teamMembers.slice(0, 1).map((member) => member.userId),
        startTime,
        endTime,
        dateAdded: at,
        dateUpdated: at,
      });
    },
    moveAppointment(appointmentId, startTime, endTime) {
      return changeAppointment(appointmentId, { startTime, endTime });
    },
    cancelAppointment(appointmentId) {
      return changeAppointment(appointmentId, { appointmentStatus: "cancelled" });
    },
  };
}
