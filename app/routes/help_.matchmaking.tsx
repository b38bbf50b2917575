import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { HelpPage } from "~/components/help-steps";

export const meta: MetaFunction = () => [{ title: "Bantuan temu bisnis · Pendopo" }];

// Short, static help for business matching in both languages (like /help), linked from every matchmaking page.
const STEPS = {
  id: [
    ["Panitia", "Di tab Temu bisnis acara: buka temu bisnis, pilih cara penjadwalan, batas permintaan, dan tempat (meja bernomor atau stan penjual). Tambahkan blok slot per hari; blok yang bertumpang tindih ditolak."],
    ["Pembeli", "Buka halaman acara, pilih Temu bisnis, lalu daftar sebagai pembeli: jenis pembeli, sektor dan produk yang dicari, volume pesanan, kota dan negara."],
    ["Penjual", "Peserta pameran yang diterima otomatis menjadi penjual. Buka Temu bisnis dari portal peserta."],
    ["Rekomendasi dan direktori", "Rekomendasi diurutkan menurut kecocokan sektor, produk, kapasitas produksi, dan wilayah, dengan alasannya. Direktori bisa dicari dan disaring."],
    ["Permintaan", "Kirim permintaan dengan pesan singkat. Penerima menerima atau menolak dengan alasan. Jumlah permintaan terbuka dibatasi panitia."],
    ["Agenda", "Saat diterima, pertemuan langsung dijadwalkan di slot kosong bersama paling awal dan meja kosong. Agenda bisa dicetak, dan undangan kalender dikirim lewat email. Tandai slot ketika Anda tidak bisa."],
  ],
  en: [
    ["Organizers", "In the event's Business matching tab: open matching, choose the scheduling mode, the request limit and the place (numbered tables or the seller's booth). Add blocks of slots per day; overlapping blocks are refused."],
    ["Buyers", "Open the event page, choose Business matching, and register as a buyer: buyer type, sectors and products sought, order volume, city and country."],
    ["Sellers", "Accepted exhibitors are sellers automatically. Open Business matching from the exhibitor portal."],
    ["Recommendations and directory", "Recommendations are ranked by fit of sector, products, production capacity and region, with the reason. The directory can be searched and filtered."],
    ["Requests", "Send a request with a short message. The recipient accepts, or declines with a reason. The organizer limits the number of open requests."],
    ["Agenda", "On acceptance the meeting is booked in the earliest common free slot and a free table. The agenda prints, and calendar invites arrive by email. Mark the slots when you are not available."],
  ],
} as const;

export default function MatchmakingHelp() {
  const { t } = useTranslation();
  return <HelpPage title={t("meetings.help")} steps={STEPS} />;
}
