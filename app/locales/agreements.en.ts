import type agreementsId from "./agreements.id";
import type { Dict } from "./dict";

/** English texts of cooperation agreements; same keys as agreements.id.ts (checked by the type). */
const agreements: Dict<typeof agreementsId> = {
  kinds: { mou: "MoU (memorandum of understanding)", pks: "PKS (cooperation agreement)", loi: "LoI (letter of intent)" },
  kinds_short: { mou: "MoU", pks: "PKS", loi: "LoI" },
  party_kinds: {
    kadin: "Kadin", dinas: "Government agency (dinas)", pemda: "Local government", umkm: "UMKM", company: "Company", association: "Association", other: "Other",
  },
  list: {
    heading: "MoU & cooperation",
    intro: "Memoranda of understanding and cooperation agreements signed at this event, with each party's region.",
    add: "Record an MoU",
    empty: "No MoU or cooperation agreement recorded yet. Record the first signing, e.g. Kadin Kota Kediri × Kadin Kota Surakarta.",
    no_results: "No MoU matches this search.",
    search: "Search title or party", kind: "Type", all_kinds: "All types",
    apply: "Apply", reset: "Reset", filters: "Filter MoUs", count: "{{count}} MoUs & agreements",
    caption: "MoUs and cooperation agreements, page {{page}}",
    columns: { agreement: "Agreement", parties: "Parties", signed_on: "Date", regions: "Regions" },
    document: "Document attached", no_region: "Region not filled in",
  },
  form: {
    new_heading: "Record an MoU / cooperation agreement",
    new_intro: "Fill in the title, the date and the parties with their signatories. Each party's city and province feed the report on cooperation between regions.",
    edit_heading: "Edit agreement",
    title: "Title", title_hint: "e.g. Trade cooperation MoU between Kadin Kota Kediri and Kadin Kota Surakarta",
    kind: "Document type", signed_on: "Signing date", place: "Place of signing", place_hint: "e.g. Alana Hotel, Surakarta",
    scope: "Scope", scope_hint: "Fields of cooperation, e.g. promoting tenun ikat and batik, market access, packaging training.",
    parties: "Parties", parties_hint: "At least two parties. Their order here is their order in the list.",
    party: "Party {{n}}", party_name: "Institution name", party_kind: "Institution type", city: "City/regency", province: "Province",
    signatory_name: "Signatory's name", signatory_title: "Signatory's title",
    add_party: "Add a party", remove_party: "Remove party {{n}}",
    quick_pick: "Quick pick from the event's regions:", quick_pick_label: "Fill party {{n}}'s city and province with {{region}}",
    document: "Signed document", document_hint: "PDF (at most 10 MB) or a JPEG, PNG or WebP photo (at most 5 MB).",
    document_current: "Current document:", document_open: "Open document", document_pdf: "PDF, {{size}}", document_photo: "Photo",
    document_replace: "Replace document", remove_document: "Remove the attached document",
    create: "Save MoU", save: "Save changes",
    delete: "Delete agreement", delete_confirm: "Delete this agreement with its parties and document? This cannot be undone.",
    danger: "A deleted agreement cannot be restored, nor its document.", back: "Back to the MoU list",
  },
  view: {
    signed: "Signed {{date}}", signed_at: "Signed {{date}} at {{place}}", signatory: "Signatory",
    no_signatory: "Signatory not filled in",
  },
  errors: {
    party_name: "Party {{n}}: enter the institution's name.",
    party_name_long: "Party {{n}}: the institution's name is at most 200 characters.",
    party_kind: "Party {{n}}: choose the institution type.",
    party_city_long: "Party {{n}}: the city/regency is at most 100 characters.",
    party_province_long: "Party {{n}}: the province is at most 100 characters.",
    party_signatory_long: "Party {{n}}: the signatory's name is at most 200 characters.",
    party_signatory_title_long: "Party {{n}}: the signatory's title is at most 200 characters.",
    min_parties: "A cooperation agreement needs at least two parties.",
    max_parties: "At most 10 parties in one agreement.",
    signed_on: "The signing date is not valid (format YYYY-MM-DD).",
    signed_on_required: "Enter the signing date.",
    scope_long: "The scope is at most 2,000 characters.",
    document_too_large: "The document is too large: a PDF up to 10 MB, a photo up to 5 MB.",
    document_type: "The document must be a PDF or a JPEG, PNG or WebP photo.",
  },
  toast: { created: "MoU recorded.", updated: "Agreement saved.", deleted: "Agreement deleted." },
  summary: {
    title: "Cooperation between regions",
    by_kind: "Agreements by type", kind: "Type", count: "Number", total: "Total",
    pairs: "Pairs of regions that signed a cooperation", pair: "Regions", agreements: "Agreements",
    no_pairs: "No agreement with the regions of both parties filled in yet.",
    without_regions: "{{count}} agreements lack a region for at least two parties.",
  },
};

export default agreements;
