import type { Department } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogFooter,
  Field,
  Input,
  useToast,
} from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { departmentFormErrors, departmentServerErrors, toDepartmentInput, type DepartmentField, type DepartmentFormValues } from "./department-model";
import { clearField, hasErrors, type FormErrors } from "./office-form-model";
import { useRefreshOrganization } from "./settings-access";

const EMPTY: DepartmentFormValues = { name: "", extension: "" };
const NO_ERRORS: FormErrors<DepartmentField> = { fields: {}, general: [] };

/**
 * A department's name and extension. `onSubmit` sends them and throws what the API threw; a
 * name or extension the office already uses is shown beside its field, translated.
 */
export function DepartmentForm({
  initial,
  submitLabel,
  onSubmit,
  inline = false,
  onCancel,
}: {
  initial: DepartmentFormValues;
  submitLabel: string;
  onSubmit: (values: DepartmentFormValues) => Promise<void>;
  /** One row under the list (adding), rather than stacked in a dialog (editing). */
  inline?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: DepartmentField, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearField(current, key));
  };
  const error = (key: DepartmentField) => {
    const issue = errors.fields[key];
    return t.issue(issue);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = departmentFormErrors(values);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      await onSubmit(values);
      if (inline) setValues(EMPTY);
    } catch (caught) {
      const placed = departmentServerErrors(errorCodeOf(caught), fieldIssuesOf(caught));
      if (placed) setErrors(placed);
      else setFormError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className={inline ? "flex flex-col gap-3 sm:flex-row sm:items-start" : "space-y-4"}>
      <Field className={inline ? "flex-1" : undefined} label={t("settings.departments.name")} error={error("name")}>
        {(control) => <Input {...control} value={values.name} onChange={(event) => set("name", event.target.value)} />}
      </Field>
      <Field className={inline ? "sm:w-40" : undefined} label={t("settings.departments.extension")} optional error={error("extension")}>
        {(control) => <Input {...control} inputMode="numeric" autoComplete="off" value={values.extension} onChange={(event) => set("extension", event.target.value)} />}
      </Field>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formError}
        </p>
      ) : null}
      {inline ? (
        <Button type="submit" className="sm:mt-7" loading={busy}>
          {submitLabel}
        </Button>
      ) : (
        <DialogFooter>
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </DialogFooter>
      )}
    </form>
  );
}

/** The departments of one office: add, rename, change the extension, delete. */
export function DepartmentsCard({ office }: { office: { id: string; departments: Department[] } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshOrganization();
  const create = useMutation(trpc.offices.createDepartment.mutationOptions());
  const update = useMutation(trpc.offices.updateDepartment.mutationOptions());
  const remove = useMutation(trpc.offices.deleteDepartment.mutationOptions());
  const [editing, setEditing] = useState<Department | null>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  // Said beside the form rather than in a toast, which would cover the button for the next one.
  const [added, setAdded] = useState<string | null>(null);
  const add = async (values: DepartmentFormValues) => {
    setAdded(null);
    const department = await create.mutateAsync({ officeId: office.id, ...toDepartmentInput(values) });
    await refresh();
    setAdded(t("settings.departments.added", { name: department.name }));
  };
  const save = async (values: DepartmentFormValues) => {
    if (!editing) return;
    const department = await update.mutateAsync({ id: editing.id, ...toDepartmentInput(values) });
    await refresh();
    setEditing(null);
    toast(t("settings.departments.saved", { name: department.name }));
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await remove.mutateAsync({ id: deleting.id });
    } catch (error) {
      setDeleteError(errorMessage(t, error));
      throw error;
    }
    await refresh();
    toast(t("settings.departments.deleted", { name: deleting.name }));
  };

  return (
    <Card aria-labelledby="departments-title">
      <CardHeader>
        <div>
          <CardTitle id="departments-title">{t("settings.departments.title")}</CardTitle>
          <p className="mt-0.5 text-sm text-slate-600">{t("settings.departments.intro")}</p>
        </div>
      </CardHeader>
      {office.departments.length ? (
        <ul className="divide-y divide-slate-100">
          {office.departments.map((department) => (
            <li key={department.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
              <span>
                <span className="font-medium text-slate-900">{department.name}</span>
                <span className="ml-3 text-sm text-slate-600">
                  {department.extension ? t("settings.departments.extensionValue", { extension: department.extension }) : t("settings.departments.noExtension")}
                </span>
              </span>
              <span className="flex gap-2">
                <Button variant="secondary" size="sm" aria-label={t("settings.departments.edit", { name: department.name })} onClick={() => setEditing(department)}>
                  {t("common.edit")}
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("settings.departments.delete", { name: department.name })}
                  onClick={() => {
                    setDeleteError(null);
                    setDeleting(department);
                  }}
                >
                  {t("common.remove")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <CardContent>
          <p className="text-sm text-slate-600">{t("settings.departments.empty")}</p>
        </CardContent>
      )}
      <CardContent className="border-t border-slate-200">
        <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("settings.departments.addTitle")}</h3>
        <DepartmentForm inline initial={EMPTY} submitLabel={t("settings.departments.add")} onSubmit={add} />
        <p role="status" className="mt-2 text-sm text-green-800">
          {added}
        </p>
      </CardContent>

      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? (
          <DialogContent title={t("settings.departments.editTitle", { name: editing.name })}>
            <DepartmentForm
              key={editing.id}
              initial={{ name: editing.name, extension: editing.extension ?? "" }}
              submitLabel={t("common.save")}
              onSubmit={save}
              onCancel={() => setEditing(null)}
            />
          </DialogContent>
        ) : null}
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        title={deleting ? t("settings.departments.deleteTitle", { name: deleting.name }) : ""}
        description={t("settings.departments.deleteBody")}
        confirmLabel={t("settings.departments.deleteConfirm")}
        tone="danger"
        onConfirm={confirmDelete}
        error={deleteError}
      />
    </Card>
  );
}
