import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { HelpPage } from "~/components/help-steps";

export const meta: MetaFunction = () => [{ title: "Bantuan transaksi · Pendopo" }];

// Short, static help for deals and the report in both languages (like /help), linked from the deal pages.
const STEPS = {
  id: [
    ["Catat transaksi", "Penjual atau pembeli mencatat transaksi dari pertemuan yang terlaksana (data terisi otomatis) atau sendiri, misalnya penjualan langsung di stan: produk, jumlah, satuan, dan harga satuan dalam rupiah bulat. Totalnya dihitung dan disimpan seperti yang disepakati."],
    ["Konfirmasi", "Transaksi yang dicatat satu pihak belum dikonfirmasi sampai pihak lain mengonfirmasi atau panitia memverifikasi. Dasbor memisahkan nilai terkonfirmasi dan yang belum, supaya angka utama tidak membengkak."],
    ["Potensi", "MoU/LOI dan transaksi yang masih penjajakan dihitung sebagai potensi, tidak masuk nilai transaksi terkonfirmasi. Transaksi batal tidak dihitung."],
    ["Pesanan konsorsium", "Pesanan yang lebih besar dari kapasitas satu produsen bisa dibagi ke beberapa produsen. Aplikasi menyarankan produsen sektor yang sama dengan sisa kapasitas (kapasitas per 30 hari dikurangi pesanan lain yang waktu kirimnya beririsan) dan memperingatkan sebelum ada yang melebihi kapasitas."],
    ["Dasbor dan target", "Panitia melihat nilai transaksi per hari, sektor, kelas UMKM, jenis, dan arus antardaerah, jumlah pengunjung dari pemindaian pintu, serta capaian target. Setiap diagram punya tabel berisi angka lengkap."],
    ["Unduhan", "Laporan PDF untuk Wali Kota atau Dinas, buku kerja Excel, dan CSV (UTF-8 dengan BOM, pemisah titik koma). Semua memakai angka yang sama dengan dasbor; berkas berisi nama dicatat di log audit."],
  ],
  en: [
    ["Record a deal", "A seller or buyer records a deal from a held meeting (prefilled) or on its own, such as a walk-in sale at the booth: products, quantity, unit and unit price in whole rupiah. The total is computed and stored as agreed."],
    ["Confirmation", "A deal entered by one party stays unconfirmed until the other party confirms or the organizer verifies it. The dashboard shows confirmed and unconfirmed value apart, so the headline figure is not inflated."],
    ["Potential", "MoUs/LOIs and deals still being explored count as potential, not as confirmed deal value. Cancelled deals do not count."],
    ["Consortium orders", "An order larger than one producer's capacity can be split among several producers. The app suggests producers of the same sector with spare capacity (capacity per 30 days minus other orders with overlapping delivery) and warns before anyone is committed beyond capacity."],
    ["Dashboard and target", "Organizers see deal value by day, sector, UMKM class, type and region-to-region flow, visitors counted from gate scans, and progress against the target. Every chart has a table with the full figures."],
    ["Downloads", "A PDF report for the mayor or the dinas, an Excel workbook and CSV files (UTF-8 with BOM, semicolon separated). All use the dashboard's figures; files with names are recorded in the audit log."],
  ],
} as const;

export default function DealsHelp() {
  const { t } = useTranslation();
  return <HelpPage title={t("deals.report.help")} steps={STEPS} />;
}
