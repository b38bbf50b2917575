/**
 * Bahasa Indonesia texts of the deal pages (issue 7: record a deal, both sides confirm, consortium orders in the
 * form, participants' and organizers' views, signed documents). Merged into the `deals` namespace next to
 * deals.id.ts (keys read `deals.form.*`, `deals.records.*`…); deal-records.en.ts mirrors the keys.
 */
const dealRecords = {
  form: {
    title: "Catat transaksi", from_meeting: "Dari pertemuan: {{label}}", from_meeting_pick: "Dari pertemuan yang terlaksana",
    no_meeting: "Tanpa pertemuan (penjualan langsung di stan)", use_meeting: "Pakai",
    buyer: "Pembeli", buyer_self: "Anda sebagai pembeli.", buyer_mode: "Jenis pembeli", buyer_registered: "Pembeli terdaftar",
    buyer_walk_in: "Pembeli langsung (belum terdaftar)", buyer_pick: "Pilih pembeli", choose: "— Pilih —",
    walk_in_name: "Nama pembeli atau usahanya", walk_in_city: "Kota/Kabupaten pembeli", walk_in_province: "Provinsi pembeli",
    seller: "Penjual", seller_pick: "Pilih penjual",
    line: "Produk {{n}}", line_product: "Nama produk {{n}}", line_quantity: "Jumlah {{n}}", line_unit: "Satuan {{n}}", line_price: "Harga satuan {{n}} (Rp)",
    line_total: "Subtotal", remove: "Hapus", remove_line: "Hapus produk {{n}}", add_line: "+ Tambah produk", total: "Total transaksi",
    terms: "Jenis dan status", type: "Jenis transaksi", status: "Status", delivery_date: "Tanggal kirim", note: "Catatan",
    document: "Dokumen", document_label: "Dokumen bertanda tangan (PDF atau foto)",
    document_hint: "Misalnya surat pesanan atau nota. PDF atau foto JPG, PNG, WebP, paling besar 10 MB.",
    submit: "Simpan transaksi",
    consortium_summary: "Bagi pesanan ke produsen lain bila kapasitas Anda tidak cukup",
    consortium_needs: "Isi jumlah dalam satuan utuh dan tanggal kirim untuk melihat kapasitas dan saran produsen.",
    consortium_order: "Pesanan {{units}} satuan, dikirim {{start}} s.d. {{end}}.",
    lead_producer: "produsen utama", co_producer: "Produsen mitra {{n}}", share_of: "Bagian {{name}} (satuan)",
    spare: "Sisa kapasitas {{spare}} dari {{capacity}}", no_capacity: "Kapasitas belum diisi produsen",
    remove_producer: "Hapus produsen mitra {{n}}", shares_sum: "Jumlah bagian: {{sum}} dari {{units}}",
    add_producer: "+ Tambah produsen mitra", split: "Bagi otomatis", suggestions: "Saran produsen sesektor yang masih punya kapasitas",
    add_named: "Tambah {{name}}",
  },
  records: {
    saved: "Transaksi tersimpan.", document_saved: "Dokumen tersimpan.", status_changed: "Status transaksi diubah.",
    verified: "Transaksi diverifikasi.", confirmed: "Transaksi dikonfirmasi. Terima kasih.",
    title: "Daftar transaksi", filters: "Saring transaksi", search: "Cari", search_hint: "Pembeli, penjual, atau produk",
    confirmation: "Konfirmasi", all_statuses: "Semua status", all_confirmations: "Semua konfirmasi", all_types: "Semua jenis",
    apply: "Terapkan", reset: "Atur ulang", export: "Unduh CSV", count: "{{count}} transaksi", no_results: "Tidak ada transaksi yang cocok.",
    caption: "Daftar transaksi, halaman {{page}}",
    columns: { day: "Tanggal", buyer: "Pembeli", sellers: "Penjual", products: "Produk", total: "Nilai", status: "Status" },
    organizer_note: "Transaksi yang dicatat panitia (dari formulir kertas atau telepon) langsung berstatus diverifikasi.",
  },
  detail: {
    title: "Transaksi dengan {{buyer}}", total: "Total", day: "Tanggal transaksi", entered_by: "Dicatat oleh", meeting: "Dari pertemuan",
    document: "Dokumen", open_document: "Buka dokumen", no_document: "Belum ada", parties: "Pihak", walk_in: "pembeli langsung",
    sellers_consortium: "Penjual (konsorsium)", share: "Bagian {{quantity}} satuan · {{value}}",
    actions: "Tindakan", confirm: "Konfirmasi transaksi", confirm_hint: "Konfirmasi bila isi transaksi ini sesuai dengan kesepakatan Anda.",
    verify: "Verifikasi", verify_hint: "Verifikasi setelah panitia memeriksa transaksi ini (formulir kertas, telepon).",
    waiting: "Menunggu konfirmasi pihak lain.", change_status: "Ubah status ke",
    cancel: "Batalkan transaksi", cancel_confirm: "Batalkan transaksi ini? Status batal tidak bisa diubah lagi.", cancel_yes: "Ya, batalkan",
    upload: "Unggah dokumen", history: "Riwayat",
  },
  history: {
    recorded: "Dicatat dengan status {{status}}", confirmation: "Konfirmasi: {{confirmation}}", status: "Status {{from}} → {{to}}",
  },
  parties: { seller: "Penjual", buyer: "Pembeli", organizer: "Panitia" },
  mine: {
    title: "Transaksi", as_seller: "Anda mencatat sebagai penjual: {{name}}.", as_buyer: "Anda mencatat sebagai pembeli: {{name}}.",
    nav_label: "Bagian transaksi", nav_list: "Transaksi saya", nav_new: "Catat transaksi", nav_summary: "Ringkasan",
    list_title: "Transaksi saya", totals: "Nilai transaksi Anda", empty: "Belum ada transaksi. Catat transaksi pertama Anda setelah pertemuan atau penjualan di stan.",
    my_share: "Bagian Anda: {{value}}", awaiting_me: "Perlu konfirmasi Anda", record_from_meeting: "Catat transaksi",
  },
  summary: {
    title: "Ringkasan setelah pameran", print: "Cetak", printed: "Per {{date}}", meetings_held: "Pertemuan terlaksana",
    deals: "Transaksi ({{count}})",
    columns: { day: "Tanggal", other: "Dengan", type: "Jenis", status: "Status", counts: "Dihitung sebagai", value: "Nilai Anda" },
    buckets: { confirmed: "Terkonfirmasi", unconfirmed: "Belum dikonfirmasi", potential: "Potensi", none: "Tidak dihitung" },
    leads: "Prospek dari pertemuan (pesanan atau sampel)", no_leads: "Belum ada prospek: isi umpan balik pertemuan dengan langkah berikut pesanan atau sampel.",
  },
  document: {
    invalid: "Lampiran harus PDF atau foto (JPG, PNG, WebP), paling besar 10 MB",
    required: "Pilih berkas dokumen dulu.",
  },
  csv: {
    id: "ID transaksi", day: "Tanggal", type: "Jenis", status: "Status", confirmation: "Konfirmasi", value: "Nilai (Rp)", sellers: "Penjual",
    products: "Produk", buyer: "Pembeli", buyer_city: "Kota pembeli", buyer_province: "Provinsi pembeli", delivery: "Tanggal kirim",
    entered_by: "Dicatat oleh", note: "Catatan",
  },
};

export default dealRecords;
