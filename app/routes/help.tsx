import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { HelpPage } from "~/components/help-steps";

export const meta: MetaFunction = () => [{ title: "Bantuan · Pendopo" }];

const STEPS = {
  id: [
    ["Buat akun dan organisasi", "Daftar, lalu buat organisasi (Kadin, Dinas, Dekranasda, atau EO). Anda menjadi pemiliknya."],
    ["Undang tim", "Di menu Anggota, undang admin, kurator, dan petugas pintu lewat email. Setiap peran hanya melihat yang perlu."],
    ["Buat acara", "Isi nama, jenis, tanggal, zona waktu (WIB, WITA, WIT), dan tempat. Acara tersimpan sebagai draf."],
    ["Tempat & wilayah", "Tambahkan hall, ruang, dan wilayah yang bekerja sama (misalnya Kota Kediri dan Kota Surakarta)."],
    ["Susun agenda", "Tambahkan sesi per hari: pembukaan, pelatihan, temu bisnis, penandatanganan MoU. Sesi yang bentrok di ruang yang sama ditolak."],
    ["Terbitkan", "Tekan Terbitkan. Halaman publik dan kalender .ics bisa dibagikan ke peserta."],
  ],
  en: [
    ["Create an account and organization", "Sign up, then create your organization (Kadin, Dinas, Dekranasda or an EO). You become its owner."],
    ["Invite your team", "Under Members, invite admins, curators and gate staff by email. Each role sees only what it needs."],
    ["Create an event", "Enter the name, type, dates, time zone (WIB, WITA, WIT) and venue. The event starts as a draft."],
    ["Venue & regions", "Add halls, rooms and the cooperating regions (e.g. Kota Kediri and Kota Surakarta)."],
    ["Build the agenda", "Add sessions per day: opening, trainings, business matching, MoU signing. Overlapping sessions in one room are refused."],
    ["Publish", "Press Publish. Share the public page and the .ics calendar with participants."],
  ],
} as const;

export default function Help() {
  const { t } = useTranslation();
  return (
    <HelpPage title={t("help.title")} intro={t("help.intro")} steps={STEPS}>
      <p>{t("help.contact")}</p>
    </HelpPage>
  );
}
