import type { AppointmentStatus } from "@frontoffice/domain";

/** Block colours per status on the grid (light fill, strong left edge, readable text). */
export const STATUS_BLOCK_CLASSES: Readonly<Record<AppointmentStatus, string>> = {
  booked: "bg-sky-50 border-sky-600 text-sky-950",
  confirmed: "bg-indigo-50 border-indigo-600 text-indigo-950",
  checked_in: "bg-amber-50 border-amber-600 text-amber-950",
  in_progress: "bg-violet-50 border-violet-600 text-violet-950",
  completed: "bg-green-50 border-green-700 text-green-950",
  cancelled: "bg-slate-50 border-slate-400 text-slate-600 line-through",
  no_show: "bg-red-50 border-red-600 text-red-950",
};

export const STATUS_BADGE_TONES: Readonly<Record<AppointmentStatus, "neutral" | "info" | "success" | "warning" | "danger">> = {
  booked: "info",
  confirmed: "info",
  checked_in: "warning",
  in_progress: "warning",
  completed: "success",
  cancelled: "neutral",
  no_show: "danger",
};
