import agreements from "./agreements.id";
import badges from "./badges.id";
import booths from "./booths.id";
import curation from "./curation.id";
import deals from "./deals.id";
import dealRecords from "./deal-records.id";
import exhibitors from "./exhibitors.id";
import gate from "./gate.id";
import meetings from "./meetings.id";

/**
 * Bahasa Indonesia: the default language. en.ts must have the same keys (checked by its type). Each later
 * domain keeps its texts in its own pair of files (exhibitors.id.ts / exhibitors.en.ts …).
 */
const id = {
  app: { name: "Pendopo", tagline: "Pameran, temu bisnis, dan kurasi UMKM dalam satu tempat" },
  nav: {
    home: "Beranda", dashboard: "Dasbor", events: "Acara", members: "Anggota", mail: "Kotak surat",
    account: "Akun", login: "Masuk", signup: "Daftar", logout: "Keluar", help: "Bantuan", skip: "Lompat ke konten",
    language: "Bahasa", menu: "Menu", organizations: "Organisasi",
  },
  common: {
    save: "Simpan", cancel: "Batal", delete: "Hapus", edit: "Ubah", add: "Tambah", back: "Kembali", search: "Cari",
    confirm_delete: "Ya, hapus", are_you_sure: "Yakin? Tindakan ini tidak bisa dibatalkan.", optional: "opsional",
    previous: "Sebelumnya", next: "Berikutnya", page_of: "Halaman {{page}} dari {{pages}}", none: "—",
    saved: "Tersimpan.", deleted: "Terhapus.", actions: "Tindakan", name: "Nama", email: "Email", role: "Peran",
    capacity: "Kapasitas", people: "{{count}} orang", view: "Lihat", close: "Tutup", results: "{{count}} hasil",
    copy_link: "Salin tautan",
  },
  validation: {
    required: "Wajib diisi.", choose: "Pilih salah satu.", invalid: "Nilai tidak valid.", email: "Alamat email tidak valid.",
    too_long_80: "Maksimal 80 karakter.", too_long_120: "Maksimal 120 karakter.", too_long_128: "Maksimal 128 karakter.",
    too_long_160: "Maksimal 160 karakter.", too_long_254: "Maksimal 254 karakter.", too_long_300: "Maksimal 300 karakter.",
    too_long_1000: "Maksimal 1.000 karakter.", too_long_5000: "Maksimal 5.000 karakter.",
    too_short_2: "Minimal 2 karakter.", too_short_3: "Minimal 3 karakter.",
    password_short: "Kata sandi minimal 8 karakter.", password_mismatch: "Kedua kata sandi tidak sama.",
    number: "Masukkan angka.", integer: "Masukkan bilangan bulat.", positive: "Harus lebih dari 0.", too_large: "Angka terlalu besar.",
    date: "Tanggal tidak valid (format TTTT-BB-HH).", time: "Jam tidak valid (format JJ.MM, misalnya 09.00).",
    time_zone: "Pilih zona waktu WIB, WITA, atau WIT.", last_before_first: "Hari terakhir tidak boleh sebelum hari pertama.",
    too_many_days: "Acara paling lama 60 hari.", slug: "Alamat hanya huruf kecil, angka, dan tanda hubung (3–60 karakter), bukan kata yang dicadangkan.",
    end_before_start: "Jam selesai harus setelah jam mulai.", same_day: "Pilih hari lain sebagai tujuan.",
  },
  auth: {
    login_title: "Masuk ke Pendopo", signup_title_exhibitor: "Buat akun UMKM / peserta pameran", signup_title: "Buat akun penyelenggara", password: "Kata sandi",
    password_hint: "Minimal 8 karakter. Frasa panjang lebih aman.", name: "Nama lengkap",
    login_button: "Masuk", signup_button: "Buat akun", no_account: "Belum punya akun?", have_account: "Sudah punya akun?",
    forgot: "Lupa kata sandi?", invalid_login: "Email atau kata sandi salah.", email_taken: "Email ini sudah terdaftar. Silakan masuk.",
    rate_limited: "Terlalu banyak percobaan. Coba lagi dalam {{minutes}} menit.",
    forgot_title: "Atur ulang kata sandi", forgot_intro: "Masukkan email akun Anda. Kami kirimkan tautan untuk membuat kata sandi baru.",
    forgot_button: "Kirim tautan", forgot_sent: "Jika email itu terdaftar, tautan atur ulang sudah dikirim. Periksa kotak masuk Anda.",
    reset_title: "Buat kata sandi baru", new_password: "Kata sandi baru", confirm_password: "Ulangi kata sandi",
    reset_button: "Simpan kata sandi", reset_invalid: "Tautan ini tidak berlaku lagi atau sudah dipakai. Minta tautan baru.",
    reset_expired: "Tautan ini sudah kedaluwarsa. Minta tautan baru.", reset_done: "Kata sandi diganti. Silakan masuk kembali.",
  },
  account: {
    title: "Akun saya", language: "Bahasa tampilan", language_saved: "Bahasa disimpan.", sessions: "Sesi aktif",
    sessions_intro: "Perangkat yang sedang masuk ke akun Anda.", this_device: "Perangkat ini", started: "Mulai",
    sign_out_everywhere: "Keluar dari semua perangkat lain", signed_out_others: "{{count}} sesi lain telah dikeluarkan.",
    unknown_device: "Perangkat tidak dikenal", device: "{{browser}} di {{os}}",
  },
  org: {
    create_title: "Buat organisasi", create_intro: "Organisasi adalah penyelenggara acara: Kadin, Dinas Koperasi & UMKM, Dekranasda, atau EO.",
    name: "Nama organisasi", kind: "Jenis", city: "Kota/Kabupaten", create_button: "Buat organisasi", created: "Organisasi dibuat.",
    choose: "Pilih organisasi", none_yet: "Anda belum tergabung dalam organisasi.", your_orgs: "Organisasi Anda",
    kinds: { kadin: "Kadin", dinas: "Dinas Koperasi & UMKM", dekranasda: "Dekranasda", eo: "Event organizer swasta", other: "Lainnya" },
  },
  roles: { owner: "Pemilik", admin: "Admin", curator: "Kurator", gate_staff: "Petugas pintu" },
  members: {
    title: "Anggota tim", invite_title: "Undang anggota", invite_button: "Kirim undangan", invited: "Undangan dikirim ke {{email}}.",
    already_member: "Orang ini sudah menjadi anggota.", already_invited: "Undangan untuk email ini masih terbuka.",
    pending: "Undangan terbuka", expires: "Berlaku sampai", revoke: "Batalkan undangan", revoked: "Undangan dibatalkan.",
    change_role: "Ubah peran", role_changed: "Peran diubah.", remove: "Keluarkan", removed: "Anggota dikeluarkan.",
    last_owner: "Organisasi harus punya minimal satu pemilik.", forbidden: "Anda tidak boleh mengubah anggota ini.",
    not_found: "Anggota tidak ditemukan.", none_pending: "Tidak ada undangan terbuka.",
    role_help: "Admin mengelola acara dan tim. Kurator menilai pendaftar. Petugas pintu memindai lencana.",
  },
  invitation: {
    title: "Undangan bergabung", body: "Anda diundang bergabung dengan {{organization}} sebagai {{role}}.",
    accept: "Terima undangan", invalid: "Undangan ini tidak berlaku lagi.", wrong_account: "Undangan ini untuk {{email}}. Anda masuk sebagai {{current}}.",
    sign_in_first: "Masuk atau buat akun dengan {{email}} untuk menerima undangan.", joined: "Anda bergabung dengan {{organization}}.",
  },
  events: {
    title: "Acara", new: "Acara baru", create: "Buat acara", created: "Acara dibuat sebagai draf.", updated: "Acara disimpan.",
    empty: "Belum ada acara. Buat acara pertama Anda: pameran batik, temu bisnis, atau B2B expo.",
    search_placeholder: "Cari nama acara", no_results: "Tidak ada acara yang cocok dengan \"{{q}}\".",
    name: "Nama acara", kind: "Jenis acara", slug: "Alamat publik", slug_hint: "Bagian akhir tautan publik, misalnya /e/temu-bisnis-solo. Kosongkan untuk dibuat otomatis.",
    description: "Deskripsi", venue: "Tempat", address: "Alamat", city: "Kota", time_zone: "Zona waktu",
    first_day: "Hari pertama", last_day: "Hari terakhir", status: "Status", details: "Rincian acara",
    kinds: { b2b_expo: "B2B expo", pameran: "Pameran", temu_bisnis: "Temu bisnis" },
    statuses: { draft: "Draf", published: "Terbit" },
    publish: "Terbitkan", unpublish: "Tarik dari publik", published: "Acara terbit. Halaman publik dapat dibuka siapa saja.",
    unpublished: "Acara kembali menjadi draf.", public_page: "Halaman publik", slug_taken: "Alamat publik ini sudah dipakai acara lain.",
    sessions_outside_days: "{{count}} sesi agenda berada di luar hari yang baru. Pindahkan atau hapus sesi itu dulu.",
    tabs: { overview: "Ringkasan", venue: "Tempat & wilayah", agenda: "Agenda", exhibitors: "Peserta pameran", curation: "Kurasi", floor_plan: "Denah & stan", badges: "Badge", gates: "Pintu masuk", matchmaking: "Temu bisnis", deals: "Transaksi" },
    days: "{{count}} hari", all: "Semua acara", sections: "Bagian acara", dates: "Tanggal",
  },
  venue: {
    halls: "Hall", rooms: "Ruang", regions: "Wilayah & delegasi", add_hall: "Tambah hall", add_room: "Tambah ruang",
    add_region: "Tambah wilayah", hall_name: "Nama hall", room_name: "Nama ruang", hall: "Hall", no_hall: "Tanpa hall",
    region_name: "Wilayah (kota/kabupaten)", province: "Provinsi", delegation: "Delegasi / lembaga",
    no_halls: "Belum ada hall.", no_rooms: "Belum ada ruang. Ruang dipakai untuk sesi agenda.", no_regions: "Belum ada wilayah yang bekerja sama.",
    duplicate_name: "Nama ini sudah ada di acara ini.", hall_not_found: "Hall tidak ditemukan.",
    regions_intro: "Wilayah yang bekerja sama, misalnya Kota Kediri dan Kota Surakarta beserta Kadin-nya.",
  },
  agenda: {
    title: "Agenda", add: "Tambah sesi", edit: "Ubah sesi", session_title: "Judul sesi", type: "Jenis sesi", room: "Ruang",
    no_room: "Tanpa ruang", day: "Hari", start: "Mulai", end: "Selesai", speakers: "Pembicara / penanda tangan",
    speakers_hint: "Pisahkan nama dengan koma.", description: "Keterangan", empty_day: "Belum ada sesi pada hari ini.",
    created: "Sesi ditambahkan.", updated: "Sesi disimpan.", deleted: "Sesi dihapus.",
    overlap: "Bentrok dengan sesi \"{{title}}\" di ruang yang sama.", overlap_unknown: "Bentrok dengan sesi lain di ruang yang sama.",
    outside_event_days: "Hari ini di luar tanggal acara.", room_not_found: "Ruang tidak ditemukan.", not_found: "Sesi tidak ditemukan.",
    view_list: "Daftar", view_timeline: "Linimasa", copy_day: "Salin hari ini ke", copy_button: "Salin",
    copied: "{{count}} sesi disalin.", copy_empty: "Hari ini belum punya sesi untuk disalin.",
    reorder_hint: "Urutan mengikuti jam mulai: ubah jam untuk memindahkan sesi.",
    types: {
      opening: "Pembukaan", talk: "Talkshow / seminar", training: "Pelatihan", business_matching: "Temu bisnis",
      mou_signing: "Penandatanganan MoU", exhibition_hours: "Jam pameran", other: "Lainnya",
    },
    times_in: "Waktu dalam {{zone}}", days: "Hari acara",
  },
  public: {
    agenda: "Agenda acara", organizer: "Penyelenggara", add_to_calendar: "Tambahkan ke kalender",
    subscribe: "Langganan seluruh agenda (.ics)", your_time: "waktu Anda", no_sessions: "Agenda belum diumumkan.",
    upcoming: "Acara yang akan datang", no_events: "Belum ada acara terbit.", where: "Tempat", when: "Waktu",
  },
  mail: {
    title: "Kotak surat keluar", intro: "Email yang dikirim atas nama organisasi ini. Tanpa SMTP, email disimpan sebagai berkas .eml di {{dir}}.",
    empty: "Belum ada email terkirim.", to: "Kepada", subject: "Subjek", sent: "Dikirim", via: "Lewat",
    transport: { smtp: "SMTP", file: "Berkas .eml" }, open: "Unduh .eml",
  },
  home: {
    hero: "Kelola pameran dan temu bisnis UMKM dengan rapi",
    intro: "Pendopo membantu Kadin, Dinas Koperasi & UMKM, Dekranasda, dan penyelenggara swasta merencanakan acara, agenda, dan tempat, lalu membagikan halaman publiknya.",
    start: "Mulai sebagai penyelenggara", go_dashboard: "Ke dasbor",
  },
  help: {
    title: "Bantuan", intro: "Panduan singkat memakai Pendopo.", contact: "Butuh bantuan? Hubungi penyelenggara acara Anda lewat WhatsApp atau email yang tertera di halaman acara.",
  },
  errors: {
    not_found_title: "Halaman tidak ditemukan", not_found: "Halaman atau data yang Anda cari tidak ada, atau Anda tidak punya akses.",
    forbidden_title: "Akses ditolak", forbidden: "Peran Anda tidak mengizinkan tindakan ini.",
    server_title: "Terjadi gangguan", server: "Maaf, ada gangguan di server. Data Anda aman; coba lagi sebentar lagi.",
    db_down: "Basis data sedang tidak bisa dihubungi. Coba lagi sebentar lagi.", home: "Kembali ke beranda",
    form: "Periksa isian yang ditandai.",
  },
  email: {
    greeting: "Halo {{name}},",
    reset: {
      subject: "Atur ulang kata sandi Pendopo", preview: "Tautan untuk membuat kata sandi baru",
      body: "Kami menerima permintaan untuk mengatur ulang kata sandi akun Pendopo Anda. Tautan ini berlaku {{minutes}} menit dan hanya bisa dipakai sekali.",
      button: "Buat kata sandi baru", ignore: "Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.",
      footer: "Email ini dikirim karena ada permintaan atur ulang kata sandi di Pendopo.",
    },
    invite: {
      subject: "Undangan bergabung dengan {{organization}} di Pendopo",
      body: "{{inviter}} mengundang Anda bergabung dengan {{organization}} di Pendopo sebagai {{role}}.",
      button: "Terima undangan", validity: "Undangan berlaku {{days}} hari.", footer: "Email ini dikirim karena seseorang mengundang alamat ini ke Pendopo.",
    },
  },
};

export default { ...id, exhibitors, curation, booths, badges, gate, deals: { ...deals, ...dealRecords }, meetings, agreements };
