/**
 * The schedule's calls to the server, in one place. Query keys all start with `schedule`, so a
 * booking, move or cancellation refreshes every calendar, slot list and agenda at once.
 */
import type {
  AgendaQuery,
  Appointment,
  AppointmentStatusInput,
  BookAppointmentInput,
  CancelAppointmentInput,
  RescheduleAppointmentInput,
  Resource,
  Service,
  SlotOffer,
  SlotsQuery,
  StaffSchedule,
  WaitlistAddInput,
  WaitlistEntry,
  WaitlistListInput,
} from "@frontoffice/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPCClient } from "../../lib/trpc";

/** One entry of an appointment's history (actions `book`, `reschedule`, `cancel`, `status`). */
export interface AppointmentHistoryEntry {
  id: string;
  action: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  changes: Record<string, { from?: unknown; to?: unknown }>;
}

/** The procedures the schedule uses (the server's router is checked against this where it is used). */
export interface ScheduleClient {
  services: { list: { query: (input: { officeId?: string }) => Promise<Service[]> } };
  resources: { list: { query: (input: { officeId?: string; includeInactive?: boolean }) => Promise<Resource[]> } };
  schedules: { get: { query: (input: { staffId: string; officeId: string }) => Promise<StaffSchedule> } };
  waitlist: {
    list: { query: (input: WaitlistListInput) => Promise<WaitlistEntry[]> };
    add: { mutate: (input: WaitlistAddInput) => Promise<WaitlistEntry> };
    accept: { mutate: (input: { offerId: string }) => Promise<Appointment> };
  };
  appointments: {
    slots: { query: (input: SlotsQuery) => Promise<SlotOffer[]> };
    agenda: { query: (input: AgendaQuery) => Promise<Appointment[]> };
    get: { query: (input: { id: string }) => Promise<Appointment> };
    history: { query: (input: { id: string }) => Promise<AppointmentHistoryEntry[]> };
    book: { mutate: (input: BookAppointmentInput) => Promise<Appointment> };
    reschedule: { mutate: (input: RescheduleAppointmentInput) => Promise<Appointment> };
    cancel: { mutate: (input: CancelAppointmentInput) => Promise<Appointment> };
    setStatus: { mutate: (input: AppointmentStatusInput) => Promise<Appointment> };
  };
}

export const scheduleKeys = {
  all: ["schedule"] as const,
  services: (officeId: string) => ["schedule", "services", officeId] as const,
  resources: (officeId: string) => ["schedule", "resources", officeId] as const,
  slots: (query: SlotsQuery) => ["schedule", "slots", query] as const,
  agenda: (query: AgendaQuery) => ["schedule", "agenda", query] as const,
  appointment: (id: string) => ["schedule", "appointment", id] as const,
  history: (id: string) => ["schedule", "history", id] as const,
  waitlist: (officeId: string) => ["schedule", "waitlist", officeId] as const,
  hours: (officeId: string, staffId: string) => ["schedule", "hours", officeId, staffId] as const,
};

/** The tRPC client, seen through the procedures above (the assignment checks the server's router matches). */
export function useScheduleClient(): ScheduleClient {
  const client: ScheduleClient = useTRPCClient();
  return client;
}

/** After any change: every schedule query is stale. */
export function useRefreshSchedule(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useMemo(() => () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }), [queryClient]);
}

export type { Appointment, Resource, Service, SlotOffer, StaffSchedule, WaitlistEntry };

/** The next free slots a refused booking offers (`data.details.nextSlots`), if any. */
export function nextSlotsOf(error: unknown): SlotOffer[] {
  const data = error && typeof error === "object" ? (error as { data?: { details?: { nextSlots?: unknown } } }).data : undefined;
  const slots = data?.details?.nextSlots;
  return Array.isArray(slots)
    ? slots.filter((slot): slot is SlotOffer => !!slot && typeof slot === "object" && typeof (slot as SlotOffer).start === "string" && typeof (slot as SlotOffer).staffId === "string")
    : [];
}
