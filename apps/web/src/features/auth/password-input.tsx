import { useState, type ComponentProps } from "react";
import { useT } from "../../i18n";
import { Input } from "../../components/ui";

/** A password field with a show/hide toggle that screen readers announce. */
export function PasswordInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <Input {...props} type={visible ? "text" : "password"} className={`pr-11 ${className ?? ""}`} />
      <button
        type="button"
        className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-r-md text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label={visible ? t("common.hidePassword") : t("common.showPassword")}
        aria-pressed={visible}
        onClick={() => setVisible((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current">
          {visible ? (
            <path d="M2.3 3.4 3.4 2.3l14.3 14.3-1.1 1.1-2.6-2.6A8.8 8.8 0 0 1 10 16c-4.2 0-7.3-3-8.5-6a9.6 9.6 0 0 1 3-3.9L2.3 3.4Zm4 4a3.5 3.5 0 0 0 4.9 4.9l-1.2-1.2a1.8 1.8 0 0 1-2.5-2.5L6.3 7.4ZM10 4c4.2 0 7.3 3 8.5 6a9.8 9.8 0 0 1-2.2 3.2l-2.9-2.9a3.5 3.5 0 0 0-4.1-4.1L7.4 4.3C8.2 4.1 9.1 4 10 4Z" />
          ) : (
            <path d="M10 4c4.2 0 7.3 3 8.5 6-1.2 3-4.3 6-8.5 6s-7.3-3-8.5-6C2.7 7 5.8 4 10 4Zm0 2.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm0 1.7a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6Z" />
          )}
        </svg>
      </button>
    </div>
  );
}
