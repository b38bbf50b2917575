import type { Dict } from "./dict";
import type meetings from "./meetings.id";

/** English texts of the matchmaking screens (same keys as meetings.id.ts). */
const meetingsEn: Dict<typeof meetings> = {
  title: "Business matching",
  help: "How business matching works",
  nav: { label: "Business matching section", home: "Recommendations", directory: "Directory", requests: "Requests", agenda: "My agenda", profile: "Buyer profile" },
  kinds: { buyer: "Buyer", seller: "Seller" },
  buyer_types: {
    retailer: "Retailer", wholesaler: "Wholesaler", exporter: "Exporter", horeka: "Hotel/restaurant (horeca)",
    marketplace_curator: "Marketplace curator", government: "Government procurement", other: "Other",
  },
  modes: { live: "Live (booked on acceptance)", batch: "Scheduled by the organizer (batch)" },
  locations: { tables: "Numbered tables in the matching area", booth: "At the seller's booth" },
  request_statuses: { requested: "Awaiting answer", accepted: "Accepted", declined: "Declined", cancelled: "Cancelled" },
  settings: {
    title: "Settings", enabled: "Business matching is open", mode: "Scheduling", open_request_limit: "Open requests per person",
    allow_buyer_buyer: "Allow buyer-to-buyer meetings", allow_seller_seller: "Allow seller-to-seller meetings",
    deadline: "Request deadline", deadline_day: "Deadline date", deadline_time: "Deadline time", deadline_hint: "Leave empty for no deadline. Time in the event zone ({{zone}}).",
    location_kind: "Meeting place", table_count: "Number of tables", saved: "Business matching settings saved.",
    off_note: "Business matching is not open yet: participants cannot send requests.",
  },
  grid: {
    title: "Meeting slots", intro: "Add a block per day: start and end time, slot length and breaks. Times in the event zone ({{zone}}).",
    day: "Day", start: "Start", end: "End", slot_minutes: "Slot length (minutes)", breaks: "Breaks", breaks_hint: "For example 12.00-13.00, 15.00-15.15",
    add: "Add block", added: "{{count}} slots added.", deleted: "Block deleted.", delete: "Delete block",
    delete_confirm: "Delete this block and all its slots?", empty: "No slots yet. Add the first block below.",
    slots: "{{count}} slots", block_row: "{{start}}–{{end}} · {{minutes}}-minute slots",
  },
  batch: {
    title: "Batch scheduling", intro: "Run the scheduler over every accepted request. The result is a draft: check it, lock it, then publish to send the invites. Locked or published meetings do not move in later runs.",
    run: "Run the scheduler", lock: "Lock all drafts", publish: "Publish & send invites", publish_confirm: "Publish all drafts and locked meetings and send calendar invites to both sides?",
    counts: "Drafts: {{scheduled}} · Locked: {{locked}} · Published: {{published}}", result: "Scheduling result",
    scheduled: "{{scheduled}} of an upper bound of {{bound}} meetings scheduled ({{percent}} %), {{pinned}} kept in place. {{requests}} accepted requests, {{ms}} ms.",
    unscheduled: "Not scheduled", idle: "Waiting time per person (empty slots between meetings)", idle_total: "Empty slots in total: {{count}}", none: "None.",
    reasons: { no_common_slot: "no common slot", capacity: "common slots are full", participant_limit: "participant's meeting limit" },
    locked: "{{count}} meetings locked.", published: "{{count}} meetings published; invites sent.", live_note: "Live mode: meetings are booked when a request is accepted.",
  },
  outcome: {
    held: "Held", no_show: "No-show", mark_held: "Mark as held", mark_no_show: "Mark as no-show", saved: "Meeting status saved.",
    feedback: "After the meeting", interest: "Interest", next_step: "Next step", note: "Short note", save: "Save note", feedback_saved: "Note saved.",
    interests: { high: "High", medium: "Medium", low: "Low" },
    next_steps: { order: "Order", sample: "Send samples", visit: "Visit the workshop", follow_up: "Follow up", none: "None" },
  },
  stats: {
    title: "Business matching statistics", total: "Total", per_day: "Per day", per_sector: "Per seller sector", key: "Group",
    requests: "Requests", accepted: "Accepted", scheduled: "Scheduled", held: "Held", no_show: "No-show", empty: "No requests yet.",
  },
  participants: {
    title: "Matching participants", search_placeholder: "Name, product or city", kind: "Kind", all: "All", empty: "No matching participants yet.",
    no_results: "No participant matches.", counts: "{{buyers}} buyers · {{sellers}} sellers · {{requests}} requests · {{meetings}} meetings",
  },
  fields: {
    organization: "Company or institution", buyer_type: "Buyer type", sectors: "Sectors sought", products_sought: "Products sought",
    products_sought_hint: "For example: tenun ikat shawls, natural-dye batik tulis cloth.", order_volume: "Typical order per month",
    order_unit: "Unit", city: "Home city", country: "Country (2-letter code)", country_hint: "ID for Indonesia, MY for Malaysia, and so on.",
    province: "Province you want to source from", whatsapp: "WhatsApp number", whatsapp_opt_in: "Send me reminders on WhatsApp",
    email: "Email for calendar invites", message: "Short message", message_hint: "Introduce yourself and what you want to discuss (max. 300 characters).",
    reason: "Reason", reason_hint: "Required when declining; the sender will read it.", choose: "Choose…",
  },
  register: {
    title: "Register as a buyer", edit_title: "Buyer profile", intro: "Fill in your profile so that matching sellers are recommended to you.",
    created: "Buyer profile saved. See the sellers recommended for you.", saved: "Buyer profile updated.",
    login_needed: "Sign in or create an account to take part in business matching.", login: "Sign in", signup: "Create account",
  },
  home: {
    closed: "Business matching for this event is not open yet.", not_registered: "You are not registered for this event's business matching.",
    register_cta: "Register as a buyer", recommendations: "Recommended for you", no_recommendations: "No recommendations yet. Complete your profile or browse the directory.",
    deadline: "Requests can be sent until {{when}}.", seller_note: "You take part as a seller ({{name}}).", score: "Fit {{score}}",
  },
  reasons: {
    buyer: {
      sector: "You are looking for {{what}}", product: "You are looking for {{what}}", capacity: "they make {{quantity}} {{unit}}/month",
      region: "they are from {{province}}",
    },
    seller: {
      sector: "They are looking for {{what}}", product: "They are looking for {{what}}", capacity: "you make {{quantity}} {{unit}}/month",
      region: "they want products from {{province}}",
    },
  },
  directory: {
    title: "Matching directory", search_placeholder: "Name, product or city", filter: "Filter the directory", apply: "Apply",
    sector: "Sector", province: "Province", umkm_class: "UMKM class", min_capacity: "Minimum capacity/month", certification: "Certification",
    buyer_type: "Buyer type", kind: "Participant kind", all: "All", empty: "No other participants yet.", no_results: "Nothing matches these filters.",
    capacity: "{{quantity}} {{unit}}/month", seeks: "Looking for: {{what}}", booth: "Booth {{code}}", request: "Request a meeting",
    already: "Request exists: {{status}}",
  },
  request: {
    send: "Send request", sent: "Request sent.", mutual: "Request sent. You are both interested!",
    accepted: "Request accepted. The meeting is scheduled.", accepted_unscheduled: "Request accepted, but there is no common free slot yet. The organizer will schedule it.",
    accepted_batch: "Request accepted. The organizer will schedule the meeting.", declined: "Request declined.", cancelled: "Request cancelled.",
    incoming: "Incoming requests", outgoing: "Sent requests", empty_in: "No incoming requests yet.", empty_out: "You have not sent any requests.",
    accept: "Accept", decline: "Decline", cancel: "Cancel", cancel_confirm: "Cancel this request? A scheduled meeting is cancelled too.",
    mutual_badge: "Mutual interest", from: "From {{name}}", to: "To {{name}}", reason_label: "Reason: {{reason}}", open_count: "{{count}} of {{limit}} open requests",
  },
  agenda: {
    title: "My meeting agenda", empty: "No meetings scheduled yet.", print: "Print agenda", feed: "Calendar subscription (.ics)",
    feed_hint: "Add this link to Google Calendar or Outlook; the schedule stays up to date. Do not share this link.",
    with: "With", date: "Date", time: "Time", place: "Place", table: "Table {{n}}", booth: "Booth {{code}}", place_tba: "Place to be announced",
    on_map: "Show on the map", unavailable: "Slots when I am not available", unavailable_hint: "Tick the slots when you cannot meet; they will not be used.",
    save_unavailable: "Save availability", unavailable_saved: "Availability saved ({{count}} slots marked).", no_slots: "The organizer has not created meeting slots yet.",
  },
  email: {
    reminder_subject: "Reminder: meeting with {{other}} · {{when}}", reminder_body: "Reminder: your meeting with {{other}} at {{event}} starts soon.",
    subject: "Business meeting with {{other}} · {{when}}", cancel_subject: "Cancelled: business meeting with {{other}} · {{when}}",
    body: "Your meeting with {{other}} at {{event}} is scheduled.", cancel_body: "Your meeting with {{other}} at {{event}} has been cancelled.",
    calendar_hint: "A calendar invite is attached: open it to add the meeting to your calendar.", button: "See my agenda",
    footer: "You receive this email because you take part in business matching at {{event}} on Pendopo.", ics_title: "Business meeting: {{other}}",
    ics_description: "Business matching at {{event}} (Pendopo).",
  },
  validation: {
    too_early: "The meeting has not started yet.", not_held: "Notes are only for meetings that took place.",
    message: "Short message: at most 300 characters.",
    deadline_both: "Fill in both the deadline date and time, or leave both empty.", bad_deadline: "The deadline date or time is not valid.",
    country: "A 2-letter country code, e.g. ID.", order_unit: "Give the unit of the order volume (e.g. pieces).",
    whatsapp_needed: "Give a WhatsApp number to receive reminders.", reason_needed: "Say why you decline.",
    bad_time: "The start or end time is not valid.", end_before_start: "The end time must be after the start time.",
    bad_breaks: "Breaks are not valid: write them like 12.00-13.00, separated by commas.", no_slots: "No slot fits between the start and end time.",
    too_many_slots: "Too many slots in one block (max. 96).", outside_event: "The day must be between the event's first and last day.",
    grid_overlap: "This block's slots overlap slots that already exist on that day.", has_meetings: "This block already holds meetings; cancel them first.",
    not_found: "Not found.", already_seller: "You are registered as a seller at this event, so you cannot register as a buyer.",
    matchmaking_off: "Business matching for this event is not open yet.", after_deadline: "The request deadline has passed.",
    self: "You cannot request a meeting with yourself.", not_in_event: "This participant is not in this event's business matching.",
    kind_not_allowed: "The organizer does not allow meetings between two {{kind}}s.", limit_reached: "You have reached the limit of {{limit}} open requests. Wait for answers or cancel one.",
    duplicate: "You have already sent a request to this participant.", not_open: "This request has already been answered or cancelled.",
    slot_taken: "The slot was just taken. Please try again.", not_registered: "Register as a buyer first to send requests.",
  },
};

export default meetingsEn;
