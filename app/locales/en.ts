import agreements from "./agreements.en";
import badges from "./badges.en";
import booths from "./booths.en";
import curation from "./curation.en";
import deals from "./deals.en";
import dealRecords from "./deal-records.en";
import type { Dict } from "./dict";
import exhibitors from "./exhibitors.en";
import gate from "./gate.en";
import meetings from "./meetings.en";
import type id from "./id";

/** English: same keys as id.ts (the type fails the build if one is missing). */
const en: Omit<Dict<typeof id>, "exhibitors" | "curation" | "booths" | "badges" | "gate" | "deals" | "meetings" | "agreements"> = {
  app: { name: "Pendopo", tagline: "Exhibitions, business matching and UMKM curation in one place" },
  nav: {
    home: "Home", dashboard: "Dashboard", events: "Events", members: "Members", mail: "Outbox",
    account: "Account", login: "Sign in", signup: "Sign up", logout: "Sign out", help: "Help", skip: "Skip to content",
    language: "Language", menu: "Menu", organizations: "Organizations",
  },
  common: {
    save: "Save", cancel: "Cancel", delete: "Delete", edit: "Edit", add: "Add", back: "Back", search: "Search",
    confirm_delete: "Yes, delete", are_you_sure: "Are you sure? This cannot be undone.", optional: "optional",
    previous: "Previous", next: "Next", page_of: "Page {{page}} of {{pages}}", none: "—",
    saved: "Saved.", deleted: "Deleted.", actions: "Actions", name: "Name", email: "Email", role: "Role",
    capacity: "Capacity", people: "{{count}} people", view: "View", close: "Close", results: "{{count}} results",
    copy_link: "Copy link",
  },
  validation: {
    required: "Required.", choose: "Choose one.", invalid: "Invalid value.", email: "Invalid email address.",
    too_long_80: "At most 80 characters.", too_long_120: "At most 120 characters.", too_long_128: "At most 128 characters.",
    too_long_160: "At most 160 characters.", too_long_254: "At most 254 characters.", too_long_300: "At most 300 characters.",
    too_long_1000: "At most 1,000 characters.", too_long_5000: "At most 5,000 characters.",
    too_short_2: "At least 2 characters.", too_short_3: "At least 3 characters.",
    password_short: "The password needs at least 8 characters.", password_mismatch: "The two passwords differ.",
    number: "Enter a number.", integer: "Enter a whole number.", positive: "Must be more than 0.", too_large: "The number is too large.",
    date: "Invalid date (format YYYY-MM-DD).", time: "Invalid time (format HH:MM, e.g. 09:00).",
    time_zone: "Choose the WIB, WITA or WIT time zone.", last_before_first: "The last day cannot be before the first day.",
    too_many_days: "An event lasts at most 60 days.", slug: "Use lowercase letters, digits and hyphens (3–60 characters), not a reserved word.",
    end_before_start: "The end time must be after the start time.", same_day: "Choose another day as the target.",
  },
  auth: {
    login_title: "Sign in to Pendopo", signup_title_exhibitor: "Create an UMKM exhibitor account", signup_title: "Create an organizer account", password: "Password",
    password_hint: "At least 8 characters. A long passphrase is safer.", name: "Full name",
    login_button: "Sign in", signup_button: "Create account", no_account: "No account yet?", have_account: "Already have an account?",
    forgot: "Forgot your password?", invalid_login: "Wrong email or password.", email_taken: "This email is already registered. Please sign in.",
    rate_limited: "Too many attempts. Try again in {{minutes}} minutes.",
    forgot_title: "Reset your password", forgot_intro: "Enter your account's email. We will send a link to set a new password.",
    forgot_button: "Send link", forgot_sent: "If that email is registered, a reset link is on its way. Check your inbox.",
    reset_title: "Set a new password", new_password: "New password", confirm_password: "Repeat the password",
    reset_button: "Save password", reset_invalid: "This link is no longer valid or was already used. Request a new one.",
    reset_expired: "This link has expired. Request a new one.", reset_done: "Password changed. Please sign in again.",
  },
  account: {
    title: "My account", language: "Display language", language_saved: "Language saved.", sessions: "Active sessions",
    sessions_intro: "Devices currently signed in to your account.", this_device: "This device", started: "Started",
    sign_out_everywhere: "Sign out all other devices", signed_out_others: "{{count}} other sessions were signed out.",
    unknown_device: "Unknown device", device: "{{browser}} on {{os}}",
  },
  org: {
    create_title: "Create an organization", create_intro: "An organization runs events: a Kadin chapter, a Dinas Koperasi & UMKM, a Dekranasda or an event organizer.",
    name: "Organization name", kind: "Type", city: "City/Regency", create_button: "Create organization", created: "Organization created.",
    choose: "Choose an organization", none_yet: "You are not a member of any organization yet.", your_orgs: "Your organizations",
    kinds: { kadin: "Kadin (chamber of commerce)", dinas: "Dinas Koperasi & UMKM", dekranasda: "Dekranasda", eo: "Private event organizer", other: "Other" },
  },
  roles: { owner: "Owner", admin: "Admin", curator: "Curator", gate_staff: "Gate staff" },
  members: {
    title: "Team members", invite_title: "Invite a member", invite_button: "Send invitation", invited: "Invitation sent to {{email}}.",
    already_member: "This person is already a member.", already_invited: "An invitation for this email is still open.",
    pending: "Open invitations", expires: "Valid until", revoke: "Cancel invitation", revoked: "Invitation cancelled.",
    change_role: "Change role", role_changed: "Role changed.", remove: "Remove", removed: "Member removed.",
    last_owner: "An organization needs at least one owner.", forbidden: "You may not change this member.",
    not_found: "Member not found.", none_pending: "No open invitations.",
    role_help: "Admins manage events and the team. Curators score applications. Gate staff scan badges.",
  },
  invitation: {
    title: "Invitation to join", body: "You are invited to join {{organization}} as {{role}}.",
    accept: "Accept invitation", invalid: "This invitation is no longer valid.", wrong_account: "This invitation is for {{email}}. You are signed in as {{current}}.",
    sign_in_first: "Sign in or create an account with {{email}} to accept the invitation.", joined: "You joined {{organization}}.",
  },
  events: {
    title: "Events", new: "New event", create: "Create event", created: "Event created as a draft.", updated: "Event saved.",
    empty: "No events yet. Create your first: a batik exhibition, a business matching day or a B2B expo.",
    search_placeholder: "Search event names", no_results: "No events match \"{{q}}\".",
    name: "Event name", kind: "Event type", slug: "Public address", slug_hint: "The end of the public link, e.g. /e/temu-bisnis-solo. Leave empty to generate it.",
    description: "Description", venue: "Venue", address: "Address", city: "City", time_zone: "Time zone",
    first_day: "First day", last_day: "Last day", status: "Status", details: "Event details",
    kinds: { b2b_expo: "B2B expo", pameran: "Exhibition (pameran)", temu_bisnis: "Business matching (temu bisnis)" },
    statuses: { draft: "Draft", published: "Published" },
    publish: "Publish", unpublish: "Unpublish", published: "The event is published. Anyone can open its public page.",
    unpublished: "The event is a draft again.", public_page: "Public page", slug_taken: "Another event already uses this public address.",
    sessions_outside_days: "{{count}} agenda sessions fall outside the new days. Move or delete them first.",
    tabs: { overview: "Overview", venue: "Venue & regions", agenda: "Agenda", exhibitors: "Exhibitors", curation: "Curation", floor_plan: "Floor plan & booths", badges: "Badges", gates: "Gates", matchmaking: "Business matching", deals: "Deals" },
    days: "{{count}} days", all: "All events", sections: "Event sections", dates: "Dates",
  },
  venue: {
    halls: "Halls", rooms: "Rooms", regions: "Regions & delegations", add_hall: "Add hall", add_room: "Add room",
    add_region: "Add region", hall_name: "Hall name", room_name: "Room name", hall: "Hall", no_hall: "No hall",
    region_name: "Region (city/regency)", province: "Province", delegation: "Delegation / institution",
    no_halls: "No halls yet.", no_rooms: "No rooms yet. Agenda sessions take place in rooms.", no_regions: "No cooperating regions yet.",
    duplicate_name: "This name already exists in this event.", hall_not_found: "Hall not found.",
    regions_intro: "Cooperating regions, e.g. Kota Kediri and Kota Surakarta with their Kadin chapters.",
  },
  agenda: {
    title: "Agenda", add: "Add session", edit: "Edit session", session_title: "Session title", type: "Session type", room: "Room",
    no_room: "No room", day: "Day", start: "Start", end: "End", speakers: "Speakers / signatories",
    speakers_hint: "Separate names with commas.", description: "Description", empty_day: "No sessions on this day yet.",
    created: "Session added.", updated: "Session saved.", deleted: "Session deleted.",
    overlap: "Overlaps the session \"{{title}}\" in the same room.", overlap_unknown: "Overlaps another session in the same room.",
    outside_event_days: "This day is outside the event's dates.", room_not_found: "Room not found.", not_found: "Session not found.",
    view_list: "List", view_timeline: "Timeline", copy_day: "Copy this day to", copy_button: "Copy",
    copied: "{{count}} sessions copied.", copy_empty: "This day has no sessions to copy.",
    reorder_hint: "Sessions are ordered by start time: edit the times to move one.",
    types: {
      opening: "Opening ceremony", talk: "Talk / seminar", training: "Training", business_matching: "Business matching",
      mou_signing: "MoU signing", exhibition_hours: "Exhibition hours", other: "Other",
    },
    times_in: "Times in {{zone}}", days: "Event days",
  },
  public: {
    agenda: "Programme", organizer: "Organizer", add_to_calendar: "Add to calendar",
    subscribe: "Subscribe to the whole agenda (.ics)", your_time: "your time", no_sessions: "The agenda has not been announced yet.",
    upcoming: "Upcoming events", no_events: "No published events yet.", where: "Where", when: "When",
  },
  mail: {
    title: "Outbox", intro: "Emails sent on behalf of this organization. Without SMTP they are saved as .eml files in {{dir}}.",
    empty: "No emails sent yet.", to: "To", subject: "Subject", sent: "Sent", via: "Via",
    transport: { smtp: "SMTP", file: ".eml file" }, open: "Download .eml",
  },
  home: {
    hero: "Run UMKM exhibitions and business matching properly",
    intro: "Pendopo helps Kadin chapters, Dinas Koperasi & UMKM, Dekranasda and private organizers plan events, agendas and venues, and share the public page.",
    start: "Start as an organizer", go_dashboard: "Go to dashboard",
  },
  help: {
    title: "Help", intro: "A short guide to Pendopo.", contact: "Need help? Contact your event's organizer through the WhatsApp number or email on the event page.",
  },
  errors: {
    not_found_title: "Page not found", not_found: "The page or record does not exist, or you have no access to it.",
    forbidden_title: "Access denied", forbidden: "Your role does not allow this action.",
    server_title: "Something went wrong", server: "Sorry, the server ran into a problem. Your data is safe; please try again shortly.",
    db_down: "The database cannot be reached right now. Please try again shortly.", home: "Back to home",
    form: "Please check the highlighted fields.",
  },
  email: {
    greeting: "Hello {{name}},",
    reset: {
      subject: "Reset your Pendopo password", preview: "A link to set a new password",
      body: "We received a request to reset the password of your Pendopo account. This link is valid for {{minutes}} minutes and works once.",
      button: "Set a new password", ignore: "If you did not ask for this, ignore this email; your password stays the same.",
      footer: "You receive this email because a password reset was requested on Pendopo.",
    },
    invite: {
      subject: "Invitation to join {{organization}} on Pendopo",
      body: "{{inviter}} invites you to join {{organization}} on Pendopo as {{role}}.",
      button: "Accept invitation", validity: "The invitation is valid for {{days}} days.", footer: "You receive this email because someone invited this address to Pendopo.",
    },
  },
};

export default { ...en, exhibitors, curation, booths, badges, gate, deals: { ...deals, ...dealRecords }, meetings, agreements } satisfies Dict<typeof id>;
