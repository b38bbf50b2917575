import type dealRecords from "./deal-records.id";
import type { Dict } from "./dict";

/** English texts of the deal pages (same keys as deal-records.id.ts). */
const dealRecordsEn: Dict<typeof dealRecords> = {
  form: {
    title: "Record a deal", from_meeting: "From the meeting: {{label}}", from_meeting_pick: "From a held meeting",
    no_meeting: "No meeting (a sale at the booth)", use_meeting: "Use",
    buyer: "Buyer", buyer_self: "You, as the buyer.", buyer_mode: "Kind of buyer", buyer_registered: "Registered buyer",
    buyer_walk_in: "Walk-in buyer (not registered)", buyer_pick: "Choose the buyer", choose: "— Choose —",
    walk_in_name: "Buyer or business name", walk_in_city: "Buyer's city/regency", walk_in_province: "Buyer's province",
    seller: "Seller", seller_pick: "Choose the seller",
    line: "Product {{n}}", line_product: "Product name {{n}}", line_quantity: "Quantity {{n}}", line_unit: "Unit {{n}}", line_price: "Unit price {{n}} (Rp)",
    line_total: "Subtotal", remove: "Remove", remove_line: "Remove product {{n}}", add_line: "+ Add a product", total: "Deal total",
    terms: "Type and status", type: "Deal type", status: "Status", delivery_date: "Delivery date", note: "Note",
    document: "Document", document_label: "Signed document (PDF or photo)",
    document_hint: "For example the order letter or receipt. A PDF or a JPG, PNG or WebP photo, at most 10 MB.",
    submit: "Save the deal",
    consortium_summary: "Share the order with other producers when your capacity is not enough",
    consortium_needs: "Enter whole-unit quantities and a delivery date to see capacities and suggested producers.",
    consortium_order: "Order of {{units}} units, delivered {{start}} to {{end}}.",
    lead_producer: "lead producer", co_producer: "Partner producer {{n}}", share_of: "Share of {{name}} (units)",
    spare: "Spare capacity {{spare}} of {{capacity}}", no_capacity: "The producer has not stated a capacity",
    remove_producer: "Remove partner producer {{n}}", shares_sum: "Shares add up to {{sum}} of {{units}}",
    add_producer: "+ Add a partner producer", split: "Split automatically", suggestions: "Producers of the same sector with spare capacity",
    add_named: "Add {{name}}",
  },
  records: {
    saved: "Deal saved.", document_saved: "Document saved.", status_changed: "Deal status changed.",
    verified: "Deal verified.", confirmed: "Deal confirmed. Thank you.",
    title: "Deal records", filters: "Filter deals", search: "Search", search_hint: "Buyer, seller or product",
    confirmation: "Confirmation", all_statuses: "All statuses", all_confirmations: "All confirmations", all_types: "All types",
    apply: "Apply", reset: "Reset", export: "Download CSV", count: "{{count}} deals", no_results: "No deals match.",
    caption: "Deal records, page {{page}}",
    columns: { day: "Date", buyer: "Buyer", sellers: "Sellers", products: "Products", total: "Value", status: "Status" },
    organizer_note: "Deals the organizer records (from a paper form or a call) count as verified right away.",
  },
  detail: {
    title: "Deal with {{buyer}}", total: "Total", day: "Deal date", entered_by: "Recorded by", meeting: "From the meeting",
    document: "Document", open_document: "Open the document", no_document: "None yet", parties: "Parties", walk_in: "walk-in buyer",
    sellers_consortium: "Sellers (consortium)", share: "Share of {{quantity}} units · {{value}}",
    actions: "Actions", confirm: "Confirm the deal", confirm_hint: "Confirm when this deal matches what you agreed.",
    verify: "Verify", verify_hint: "Verify once the organizer has checked this deal (a paper form, a call).",
    waiting: "Waiting for the other side to confirm.", change_status: "Change the status to",
    cancel: "Cancel the deal", cancel_confirm: "Cancel this deal? A cancelled deal cannot be changed again.", cancel_yes: "Yes, cancel it",
    upload: "Upload the document", history: "History",
  },
  history: {
    recorded: "Recorded as {{status}}", confirmation: "Confirmation: {{confirmation}}", status: "Status {{from}} → {{to}}",
  },
  parties: { seller: "Seller", buyer: "Buyer", organizer: "Organizer" },
  mine: {
    title: "Deals", as_seller: "You record as the seller: {{name}}.", as_buyer: "You record as the buyer: {{name}}.",
    nav_label: "Deal sections", nav_list: "My deals", nav_new: "Record a deal", nav_summary: "Summary",
    list_title: "My deals", totals: "Your deal value", empty: "No deals yet. Record your first deal after a meeting or a sale at your booth.",
    my_share: "Your share: {{value}}", awaiting_me: "Needs your confirmation", record_from_meeting: "Record a deal",
  },
  summary: {
    title: "Summary after the fair", print: "Print", printed: "As of {{date}}", meetings_held: "Meetings held",
    deals: "Deals ({{count}})",
    columns: { day: "Date", other: "With", type: "Type", status: "Status", counts: "Counts as", value: "Your value" },
    buckets: { confirmed: "Confirmed", unconfirmed: "Unconfirmed", potential: "Potential", none: "Not counted" },
    leads: "Leads from meetings (order or sample)", no_leads: "No leads yet: give meeting feedback with an order or a sample as the next step.",
  },
  document: {
    invalid: "The attachment must be a PDF or a photo (JPG, PNG, WebP), at most 10 MB",
    required: "Choose the document file first.",
  },
  csv: {
    id: "Deal ID", day: "Date", type: "Type", status: "Status", confirmation: "Confirmation", value: "Value (Rp)", sellers: "Sellers",
    products: "Products", buyer: "Buyer", buyer_city: "Buyer city", buyer_province: "Buyer province", delivery: "Delivery date",
    entered_by: "Recorded by", note: "Note",
  },
};

export default dealRecordsEn;
