import type badges from "./badges.id";
import type { Dict } from "./dict";

/** English texts of the badges screens (same keys as badges.id.ts). */
const badgesEn: Dict<typeof badges> = {
  sections: "Badge sections",
  nav: { list: "Badge list", add: "Add badge", import: "Import CSV", registration: "Public registration" },
  kinds: { visitor: "Visitor", buyer: "Buyer", exhibitor: "Exhibitor", staff: "Committee", press: "Press", vip: "VIP" },
  statuses: { valid: "Valid", pending: "Pending", revoked: "Revoked", blocked: "Blocked" },
  sources: { organizer: "Added by the organizer", import: "CSV import", registration: "Public registration", staff: "Booth staff" },
  fields: {
    kind: "Category", status: "Status", name: "Full name", name_hint: "Printed on the badge exactly like this.", organization: "Organization / business",
    phone: "WhatsApp number", phone_hint: "For example 0812-3456-7890.", language: "Email language", send_email: "Send the badge by email",
    email_hint: "The badge and its QR code are sent to this address.",
    whatsapp_opt_in: "I agree to receive the badge notice on WhatsApp.",
  },
  v: {
    kind: "Choose a category.", phone: "Invalid phone number (e.g. 0812-3456-7890).", reason: "Write the reason (at least 2 characters).",
    reason_long: "The reason can be at most 500 characters.", email_for_send: "Enter an email so the badge can be sent.", consent: "Accept the privacy notice to register.",
    layout: "Choose a print format.", organization: "Enter the organization's name.",
  },
  errors: {
    whatsapp_invalid: "Invalid WhatsApp number (e.g. 0812-3456-7890).", whatsapp_landline: "A landline cannot receive WhatsApp; enter a mobile number.",
    whatsapp_foreign: "Indonesian numbers (+62) only.", invalid: "Invalid badge data.", staff_not_found: "Booth staff member not found.",
    staff_has_badge: "This booth staff member already has a badge.", not_found: "Badge not found.", revoked: "The badge is revoked; revoking is final.",
    invalid_transition: "This action does not apply to the badge's current status.", reason_required: "Write the reason.", no_email: "This badge has no email address.",
    email_taken: "Another registration for this event already uses this email.",
  },
  toast: {
    added: "Badge issued.", added_sent: "Badge issued; its email is on its way.", revoke: "Badge revoked.", block: "Badge blocked.",
    unblock: "Unblocked; the badge is valid again.", approve: "Badge approved.", reissue: "New code issued; the old code no longer works.",
    reissue_sent: "New code issued and emailed; the old code no longer works.", "send-email_sent": "The badge email is being sent again.",
    "send-email": "The badge email is being sent again.",
    edited: "Badge details saved; the code stays the same.", edited_reprint: "Badge details saved. This badge needs printing again (it is back under \"not yet printed\").",
    unchanged: "Nothing changed.",
  },
  help: {
    title: "How badges work",
    codes: "Every badge has a digitally signed QR code and an 8-character short code (e.g. K7QX-M3PA) to type at the gate. No NIK/NPWP is ever on a badge.",
    reissue: "Reissue a lost or leaked badge: a new code is made and the old one is refused at every gate right away.",
    status: "Blocking is temporary (it can be lifted); revoking is final. Both need a reason and are kept in the history.",
    print: "Bulk print as A6, 4 per A4 with cut marks, or CR80 cards. Printed badges are marked, so \"not yet printed\" stays accurate.",
    delivery: "The email carries the QR and the badge PDF in the holder's language. Holders can also open their badge on the phone from the email link.",
  },
  list: {
    heading: "Badges", empty: "No badges yet. Add them one by one, import a CSV, or open public registration.",
    no_results: "No badge matches these filters.", count_one: "{{count}} badge", count_other: "{{count}} badges",
    caption: "Badges, page {{page}}", filters: "Filter badges", search: "Search", search_hint: "Name, organization or short code",
    all_kinds: "All categories", all_statuses: "All statuses", unprinted: "Not yet printed", apply: "Apply", reset: "Reset",
    not_printed: "Not printed", export: "Download CSV",
    columns: { holder: "Holder", kind: "Category", status: "Status", code: "Code", printed: "Printed" },
  },
  staff: {
    heading: "Booth staff badges", intro_one: "{{count}} booth staff member of accepted exhibitors has no badge yet.",
    intro_other: "{{count}} booth staff members of accepted exhibitors have no badge yet.",
    submit_one: "Issue {{count}} booth staff badge", submit_other: "Issue {{count}} booth staff badges",
    issued: "{{issued}} booth staff badges issued.", none: "No new badges: every booth staff member already has one.",
  },
  edit: {
    back: "Back to the badge", heading: "Edit badge details", submit: "Save changes",
    intro: "Correct the name, organization, category or contact details. The QR code and short code stay the same; the gates use the new details at once. If the name, organization or category of a printed badge changes, it is back under \"not yet printed\".",
    fields: { kind: "category", holderName: "name", organizationName: "organization", email: "email", phone: "phone", locale: "language", whatsappOptIn: "WhatsApp consent" },
  },
  csv: {
    code: "Code", name: "Name", organization: "Organization", kind: "Category", status: "Status", email: "Email", phone: "Phone",
    language: "Language", source: "Source", issued: "Issued", printed: "Printed", first_entry: "First entry",
  },
  add: { heading: "Add a badge", intro: "The badge is valid at once. Its QR code and PDF can be sent by email.", submit: "Issue badge" },
  detail: {
    back: "All badges", qr: "QR code", qr_alt: "Badge QR code of {{name}}", no_qr: "A revoked badge has no QR code.", pdf: "Download PDF (A6)",
    reason: "Reason", whatsapp_ok: "WhatsApp agreed", source: "Source", issued: "Code issued", printed: "Printed", history: "History",
  },
  history: {
    issued: "Issued", reissued: "New code issued", revoked: "Revoked", blocked: "Blocked", unblocked: "Unblocked",
    approved: "Approved", whatsapp_sent: "WhatsApp notice sent", edited: "Details changed",
  },
  actions: {
    reissue: "Reissue code", reissue_confirm: "The old code will be refused at the gates right away. Continue?",
    revoke: "Revoke badge", revoke_confirm: "Revoke {{name}}'s badge? This is final: it can never be valid again.",
    block: "Block", block_confirm: "Block {{name}}'s badge for now? You can unblock it later.",
    unblock: "Unblock", approve: "Approve", send_email: "Send email again", edit: "Edit details",
  },
  print: {
    heading: "Print badges", intro: "One PDF to print; its badges are marked printed. Revoked badges are left out.",
    which: "Which badges", organization: "Organization (for \"One organization\")", layout: "Format",
    selection: { unprinted: "Everything not yet printed", filter: "The list's current filter", kind: "One category", organization: "One organization / exhibitor" },
    layouts: { a6: "A6, one per page", "a4-4up": "A4, 4 per sheet with cut marks", cr80: "CR80 card (card printer)" },
    submit: "Make PDF", none: "No badges to print for this choice.", too_many: "Too many badges for one PDF (at most 5,000); narrow the choice.",
  },
  import: {
    heading: "Import badges from CSV", intro: "Columns: name (required), organization, email, phone, kind, language. Headers may be in Indonesian or English; comma or semicolon separated. You see a preview first; nothing is saved until you confirm.",
    example: "name,organization,email,phone,kind,language\nSari Wulandari,Batik Laweyan,sari@example.id,0812-3456-7890,buyer,en",
    file_label: "CSV file", file_hint: "At most 1 MB and 5,000 rows.", preview: "Preview", unnamed: "(no name)",
    preview_heading: "Preview of {{file}}", ready_one: "{{count}} row ready to import", ready_other: "{{count}} rows ready to import",
    with_problems_one: "{{count}} problem; rows with problems are skipped", with_problems_other: "{{count}} problems; rows with problems are skipped",
    problems: "Problems by row", problem: "Row {{row}}, column {{column}}:", more_problems: "… and {{count}} more problems.",
    send_email: "Email each holder who has an address their badge", confirm_one: "Import {{count}} badge", confirm_other: "Import {{count}} badges",
    fix_and_retry: "Fix the file and upload it again", started: "The import runs in the background.", recent: "Recent imports",
    statuses: { queued: "Queued", running: "Running", done: "Done" }, progress: "{{processed}} of {{total}} rows",
    failed_one: "{{count}} failed", failed_other: "{{count}} failed", progress_heading: "Import {{file}}", progress_label: "Import progress",
    emails_note: "Badge emails go out one by one through the mail queue.", to_list: "See badges not yet printed",
    columns: { name: "name", organization: "organization", email: "email", phone: "phone", kind: "kind", language: "language" },
    errors: {
      required: "is required", too_short: "needs at least 2 characters", too_long: "is too long", email: "is not a valid email", duplicate_email: "repeats an earlier row's email",
      whatsapp_invalid: "is not a valid number", whatsapp_landline: "is not a mobile number", whatsapp_foreign: "must be an Indonesian number",
      kind: "is not a known kind (visitor, buyer, exhibitor, staff, press, vip)", language: "must be id or en",
      formula: "starts with =, +, - or @ (like a formula) and is refused", invalid: "is not valid",
    },
    file: {
      empty: "The file is empty.", too_large: "The file is over 1 MB.", binary: "This is not a CSV text file (e.g. .xlsx); save it as CSV first.",
      unreadable: "The file cannot be read as CSV (check the quotes).", no_name_column: "The header row has no name column (\"name\" or \"nama\").",
      too_many_rows: "More than 5,000 rows; split it into several files.", no_rows: "There are no data rows under the header.", no_valid_rows: "No row is ready to import.",
    },
  },
  holder: {
    welcome: "You are registered! Your badge is also on its way by email; check your inbox (and spam folder).",
    revoked: "This badge has been revoked and is no longer valid.", blocked: "This badge is blocked for now. Please contact the committee.",
    qr_alt: "Your badge QR code", short_code: "Short code", show: "Show this QR at the gate, or tell them the short code.",
    dates: "Dates", venue: "Venue", pdf: "Download badge PDF",
  },
  register: {
    heading: "Register as a visitor", kind: "I am coming as", submit: "Register and get my badge",
    closed: "Registration for this event is not open (or has closed).", full: "Sorry, registration is full.",
    privacy_heading: "Privacy notice",
    privacy: "The committee uses your name, organization, email and WhatsApp number only to make your badge, send it to you and check you in at the gate. No NIK/NPWP is on the badge. Your data is not sold or shared and is deleted after the event under the organizer's policy.",
    consent: "I have read the privacy notice and agree that my data is used for this registration.",
    cta: "Register as a visitor",
    errors: {
      closed: "Registration has closed.", full: "Sorry, the last place was just taken.", already_registered: "This email is already registered for this event. Check your email for the badge.",
      press_not_allowed: "Press registration is not open for this event.", rate_limited: "Too many attempts. Please try again in a few minutes.",
      invalid: "The registration could not be processed. Check your entries.", whatsapp_invalid: "Invalid WhatsApp number (e.g. 0812-3456-7890).",
      whatsapp_landline: "A landline cannot receive WhatsApp; enter a mobile number.", whatsapp_foreign: "Indonesian numbers (+62) only.",
    },
  },
  registration: {
    heading: "Public registration", intro: "Visitors register themselves on the event page and get their badge by email at once. The capacity is optional; registration stops exactly when it is reached.",
    count_one: "{{count}} person registered", count_other: "{{count}} people registered", of_capacity: "capacity {{capacity}}",
    not_published: "Publish the event first so the registration page is public.", link: "Registration link",
    open: "Open registration", allow_press: "Press may register themselves", capacity: "Capacity", capacity_hint: "Leave empty for no limit.",
    below_registered: "The capacity cannot be below the number already registered.",
  },
  email: {
    subject: "Your badge for {{event}}", body: "Your {{kind}} badge for {{event}} is ready. Show this QR code at the gate.",
    qr_alt: "Badge QR code", how: "The badge PDF is attached for printing. You can also open your badge on your phone:", button: "Open my badge",
    keep: "Do not share this code: whoever holds it can enter in your name.", footer: "You receive this email because you are registered for {{event}}.",
  },
};

export default badgesEn;
