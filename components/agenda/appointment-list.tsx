import { Link } from "@/components/ui/link";
import { type Appointment, appointmentHeadline } from "@/lib/agenda/appointments";
import { appointmentPath } from "@/lib/agenda/paths";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/agenda/schemas";
import { formatDateTimeFr } from "@/lib/format";

/** Appointments as a list, each a link named by its title (or whom it is with), with its day, time and status. */
export function AppointmentList({ appointments, labelledBy }: { appointments: Appointment[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {appointments.map((appointment) => (
        <li key={appointment.id} className="py-3">
          <Link href={appointmentPath(appointment.id)} className="font-semibold text-brand-700 underline">
            {appointmentHeadline(appointment)}
          </Link>
          <p className="mt-1 text-sm text-slate-700">
            Le {formatDateTimeFr(appointment.startsAt)} · avec {appointment.withName}
            {appointment.status ? ` · ${APPOINTMENT_STATUS_LABELS[appointment.status]}` : ""}
            {appointment.authorKind === "professional" ? " · ajouté par votre professionnel de santé" : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
