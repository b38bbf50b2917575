import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { formatShortDate, formatTime } from "~/utils/time";
import { DeviceSchema } from "../gate-forms.schema";

type Device = { id: string; name: string; listName: string; lastSeenAt: string | Date | null; revokedAt: string | Date | null };
type Pairing = { url: string; qrSvg: string; name: string; list: string };

/** Gate devices: the table with last seen and revoke, the add form, and the one-time pairing code. */
export function DevicesCard({ devices, lists, timeZone, canManage, actionData }: {
  devices: Device[]; lists: Array<{ id: string; name: string }>; timeZone: string; canManage: boolean;
  actionData?: { intent: string; result: SubmissionResult<string[]>; pairing: Pairing | null };
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const when = (d: string | Date | null) => (d ? `${formatShortDate(d, timeZone, locale)} ${formatTime(d, timeZone, locale)}` : t("gate.devices.never"));
  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t("gate.devices.title")}</h2>
      {actionData?.pairing ? <PairingPanel pairing={actionData.pairing} /> : null}
      {devices.length === 0 ? <EmptyState>{t("gate.devices.empty")}</EmptyState> : (
        <div className="table-wrap">
          <table className="data gate-devices responsive">
            <thead>
              <tr><th scope="col">{t("gate.devices.name")}</th><th scope="col">{t("gate.devices.list")}</th><th scope="col">{t("gate.devices.last_seen")}</th>{canManage ? <th scope="col"><span className="visually-hidden">{t("common.actions")}</span></th> : null}</tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} className={d.revokedAt ? "muted" : undefined}>
                  <td data-label={t("gate.devices.name")}><strong>{d.name}</strong>{d.revokedAt ? <> <span className="badge badge-muted">{t("gate.devices.revoked")}</span></> : null}</td>
                  <td data-label={t("gate.devices.list")}>{d.listName}</td>
                  <td data-label={t("gate.devices.last_seen")}>{when(d.lastSeenAt)}</td>
                  {canManage ? (
                    <td>{d.revokedAt ? null : (
                      <ConfirmAction label={t("gate.devices.revoke")} intent="revoke-device" fields={{ deviceId: d.id }}
                        confirmText={t("gate.devices.revoke_confirm", { name: d.name })} />
                    )}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? <AddDeviceForm key={lists.map((l) => l.id).join()} lists={lists} lastResult={actionData?.intent === "add-device" ? actionData.result : undefined} /> : null}
    </section>
  );
}

function AddDeviceForm({ lists, lastResult }: { lists: Array<{ id: string; name: string }>; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "add-device", lastResult, defaultValue: { checkinListId: lists.length === 1 ? lists[0]!.id : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeviceSchema }),
    shouldValidate: "onBlur", shouldRevalidate: "onInput",
  });
  if (lists.length === 0) return <p className="muted small">{t("gate.devices.no_lists")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <input type="hidden" name="intent" value="add-device" />
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("gate.devices.name")} hint={t("gate.devices.name_hint")} />
      <SelectField meta={fields.checkinListId} label={t("gate.devices.list")} placeholder={t("gate.devices.choose_list")}
        options={lists.map((l) => ({ value: l.id, label: l.name }))} />
      <div className="form-actions"><SubmitButton>{t("gate.devices.add")}</SubmitButton></div>
    </Form>
  );
}

function PairingPanel({ pairing }: { pairing: Pairing }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(pairing.url).then(() => setCopied(true), () => setCopied(false));
  return (
    <div className="pairing" role="status">
      <h3>{t("gate.devices.pair_title", { name: pairing.name })}</h3>
      <p className="small">{t("gate.devices.pair_intro", { list: pairing.list })}</p>
      {/* The SVG is generated on the server by qrcode from our own URL. */}
      <div className="pairing-qr" role="img" aria-label={t("gate.devices.pair_qr", { name: pairing.name })} dangerouslySetInnerHTML={{ __html: pairing.qrSvg }} />
      <label htmlFor="pair-link" className="label">{t("gate.devices.pair_link")}</label>
      <div className="row">
        <input id="pair-link" type="text" readOnly value={pairing.url} className="pairing-link" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="btn btn-secondary btn-small" onClick={copy}>{t("common.copy_link")}</button>
        <span aria-live="polite" className="small">{copied ? t("gate.devices.copied") : ""}</span>
      </div>
    </div>
  );
}
