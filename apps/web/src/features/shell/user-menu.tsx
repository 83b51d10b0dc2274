import { LOCALES, type Locale, type SessionInfo } from "@frontoffice/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  useToast,
} from "../../components/ui";
import { LOCALE_NAMES, isLocale, useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ChangePasswordDialog } from "../auth/change-password-dialog";
import { useSignOut } from "../auth/use-sign-out";
import { useSession } from "./session-context";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Language, password and sign-out, under the staff member's name. */
export function UserMenu() {
  const session = useSession();
  const { t, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const signOut = useSignOut();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [everywhereOpen, setEverywhereOpen] = useState(false);
  const saveLocale = useMutation(trpc.session.setLocale.mutationOptions());

  const changeLanguage = async (next: Locale) => {
    if (next === locale) return;
    await setLocale(next);
    try {
      await saveLocale.mutateAsync({ locale: next });
      queryClient.setQueryData(trpc.session.me.queryKey(), (old: SessionInfo | undefined) =>
        old ? { ...old, staff: { ...old.staff, locale: next } } : old,
      );
    } catch {
      toast(t("language.saveFailed"), "error");
    }
  };

  const doSignOut = async (everywhere: boolean) => {
    const ok = await signOut(everywhere ? "signedOutEverywhere" : "signedOut", { everywhere });
    if (!ok) {
      toast(t("auth.signOut.failed"), "error");
      throw new Error("sign-out failed");
    }
  };

  const name = session.staff.displayName || session.user.name || session.user.email;

  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white data-[state=open]:bg-white/15">
          <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-full bg-white text-xs font-semibold text-brand-900">
            {initials(name)}
          </span>
          <span className="sr-only">{t("shell.accountMenu")}: </span>
          <span className="hidden max-w-40 truncate md:inline">{name}</span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current opacity-80">
            <path d="m5.5 7.5 4.5 4.5 4.5-4.5 1 1-5.5 5.5-5.5-5.5 1-1Z" />
          </svg>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <div className="px-2 py-2">
            <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-600">{session.organization.name}</p>
            <p className="truncate text-xs text-slate-600">{t("shell.signedInAs", { email: session.user.email })}</p>
          </div>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>{t("language.label")}</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={locale} onValueChange={(value) => (isLocale(value) ? void changeLanguage(value) : undefined)}>
            {LOCALES.map((option) => (
              <DropdownMenuRadioItem key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setPasswordOpen(true)}>{t("auth.changePassword")}</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void doSignOut(false).catch(() => undefined)}>{t("auth.signOut")}</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setEverywhereOpen(true)}>{t("auth.signOutEverywhere")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ChangePasswordDialog open={passwordOpen} onOpenChange={setPasswordOpen} />
      <ConfirmDialog
        open={everywhereOpen}
        onOpenChange={setEverywhereOpen}
        title={t("auth.signOutEverywhere.title")}
        description={t("auth.signOutEverywhere.body")}
        confirmLabel={t("auth.signOutEverywhere.confirm")}
        tone="danger"
        onConfirm={() => doSignOut(true)}
      />
    </>
  );
}
