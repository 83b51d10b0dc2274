import { Link } from "react-router";

/** The way back to the list a page belongs to, above its title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="inline-flex items-center gap-1 rounded text-sm font-medium text-brand-700 hover:underline">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
        <path d="m11.7 4.3 1.1 1.1L8.2 10l4.6 4.6-1.1 1.1L6 10l5.7-5.7Z" />
      </svg>
      {label}
    </Link>
  );
}
