import { sql } from "kysely";

/**
 * Exhibitors (issue 4): UMKM business profiles reused across events, products and certifications, uploads,
 * the call for exhibitors with booth sizes and curation criteria, applications and curation scores, the floor
 * plan (booths on a hall grid), booth assignments, invoices and booth staff.
 * The "only one" rules are partial unique indexes and an exclusion constraint (no two booths overlap in a hall).
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table upload (
      id uuid primary key default gen_random_uuid(),
      owner_user_id uuid references app_user (id) on delete set null,
      purpose text not null,
      content_type text not null,
      size_bytes integer not null,
      width integer,
      height integer,
      storage_key text not null,
      thumb_key text,
      original_name text not null default '',
      created_at timestamptz not null default now(),
      constraint upload_purpose_chk check (purpose in ('product_photo', 'business_logo', 'document')),
      constraint upload_content_type_chk check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
      constraint upload_size_bytes_chk check (size_bytes between 1 and 10485760)
    )`.execute(db);
  await sql`create unique index upload_storage_key_uq on upload (storage_key)`.execute(db);

  await sql`
    create table business (
      id uuid primary key default gen_random_uuid(),
      owner_user_id uuid not null references app_user (id) on delete cascade,
      name text not null,
      brand_name text not null default '',
      owner_name text not null,
      nib text,
      umkm_class text not null,
      sector text not null,
      city text not null,
      province text not null,
      whatsapp text,
      email text not null,
      description text not null default '',
      capacity_quantity integer,
      capacity_unit text not null default '',
      export_experience text not null default '',
      logo_upload_id uuid references upload (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint business_nib_chk check (nib is null or nib ~ '^[0-9]{13}$'),
      constraint business_umkm_class_chk check (umkm_class in ('mikro', 'kecil', 'menengah')),
      constraint business_sector_chk check (sector in ('batik_tulis', 'batik_cap', 'batik_printing', 'tenun_ikat', 'songket',
        'kriya', 'kuliner', 'fashion', 'aksesoris', 'lainnya')),
      constraint business_whatsapp_chk check (whatsapp is null or whatsapp ~ '^\\+62[0-9]{8,13}$'),
      constraint business_capacity_quantity_chk check (capacity_quantity is null or capacity_quantity between 1 and 100000000),
      constraint business_name_chk check (length(name) between 2 and 160)
    )`.execute(db);
  // One business profile per account: the profile is typed once and reused for every event.
  await sql`create unique index business_owner_user_id_uq on business (owner_user_id)`.execute(db);

  await sql`
    create table product (
      id uuid primary key default gen_random_uuid(),
      business_id uuid not null references business (id) on delete cascade,
      name text not null,
      description text not null default '',
      price_idr bigint,
      photo_upload_id uuid references upload (id) on delete set null,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      constraint product_price_idr_chk check (price_idr is null or price_idr between 0 and 1000000000000),
      constraint product_name_chk check (length(name) between 2 and 160)
    )`.execute(db);
  await sql`create index product_business_id_idx on product (business_id, sort)`.execute(db);

  await sql`
    create table certification (
      id uuid primary key default gen_random_uuid(),
      business_id uuid not null references business (id) on delete cascade,
      kind text not null,
      number text not null default '',
      issuer text not null default '',
      valid_until date,
      constraint certification_kind_chk check (kind in ('sni', 'halal', 'batikmark', 'bbspjikb_training', 'pirt', 'other'))
    )`.execute(db);
  await sql`create index certification_business_id_idx on certification (business_id)`.execute(db);

  // The call for exhibitors of an event, and what it offers.
  await sql`
    create table exhibitor_call (
      event_id uuid primary key references event (id) on delete cascade,
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      sectors text[] not null default '{}',
      intro text not null default '',
      selection_opens_at timestamptz,
      selection_closes_at timestamptz,
      constraint exhibitor_call_window_chk check (closes_at > opens_at),
      constraint exhibitor_call_selection_chk check (selection_opens_at is null or selection_closes_at > selection_opens_at)
    )`.execute(db);

  await sql`
    create table booth_size (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      size_m2 integer not null,
      fee_idr bigint not null default 0,
      staff_limit integer not null default 2,
      constraint booth_size_size_m2_chk check (size_m2 between 1 and 10000),
      constraint booth_size_fee_idr_chk check (fee_idr between 0 and 1000000000000),
      constraint booth_size_staff_limit_chk check (staff_limit between 0 and 100)
    )`.execute(db);
  await sql`create unique index booth_size_event_id_size_m2_uq on booth_size (event_id, size_m2)`.execute(db);

  await sql`
    create table curation_criterion (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      name text not null,
      weight integer not null,
      sort integer not null default 0,
      constraint curation_criterion_weight_chk check (weight between 1 and 100),
      constraint curation_criterion_name_chk check (length(name) between 2 and 80)
    )`.execute(db);
  await sql`create unique index curation_criterion_event_id_name_uq on curation_criterion (event_id, lower(name))`.execute(db);

  await sql`
    create table application (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      business_id uuid not null references business (id) on delete cascade,
      status text not null default 'draft',
      preferred_size_m2 integer,
      preferred_zone text not null default '',
      motivation text not null default '',
      history_years integer not null default 0,
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references app_user (id) on delete set null,
      decision_message text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint application_status_chk check (status in ('draft', 'submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn')),
      constraint application_history_years_chk check (history_years between 0 and 100)
    )`.execute(db);
  // A business applies to an event once (a draft is edited, not duplicated).
  await sql`create unique index application_event_id_business_id_uq on application (event_id, business_id)`.execute(db);
  await sql`create index application_event_id_status_idx on application (event_id, status)`.execute(db);

  await sql`
    create table curation_score (
      application_id uuid not null references application (id) on delete cascade,
      criterion_id uuid not null references curation_criterion (id) on delete cascade,
      curator_user_id uuid not null references app_user (id) on delete cascade,
      score integer not null,
      comment text not null default '',
      updated_at timestamptz not null default now(),
      constraint curation_score_pkey primary key (application_id, criterion_id, curator_user_id),
      constraint curation_score_score_chk check (score between 1 and 5)
    )`.execute(db);

  await sql`
    create table booth (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      hall_id uuid not null references hall (id) on delete cascade,
      code text not null,
      size_m2 integer not null,
      x integer not null,
      y integer not null,
      w integer not null,
      h integer not null,
      zone text not null default '',
      price_idr bigint not null default 0,
      created_at timestamptz not null default now(),
      constraint booth_geometry_chk check (x >= 0 and y >= 0 and w between 1 and 200 and h between 1 and 200 and x + w <= 1000 and y + h <= 1000),
      constraint booth_size_m2_chk check (size_m2 between 1 and 10000),
      constraint booth_price_idr_chk check (price_idr between 0 and 1000000000000),
      constraint booth_code_chk check (length(code) between 1 and 20),
      -- Two booths never share floor: half-open cell ranges, so booths that only touch are fine.
      constraint booth_footprint_excl exclude using gist
        (hall_id with =, int4range(x, x + w) with &&, int4range(y, y + h) with &&)
    )`.execute(db);
  await sql`create unique index booth_event_id_code_uq on booth (event_id, lower(code))`.execute(db);

  await sql`
    create table booth_assignment (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      booth_id uuid not null references booth (id) on delete cascade,
      application_id uuid not null references application (id) on delete cascade,
      status text not null default 'confirmed',
      method text not null,
      fee_idr bigint not null default 0,
      assigned_by uuid references app_user (id) on delete set null,
      assigned_at timestamptz not null default now(),
      released_at timestamptz,
      constraint booth_assignment_status_chk check (status in ('held', 'confirmed', 'released')),
      constraint booth_assignment_method_chk check (method in ('manual', 'self', 'auto')),
      constraint booth_assignment_fee_idr_chk check (fee_idr between 0 and 1000000000000)
    )`.execute(db);
  // At most one live assignment per booth and per application (exhibitor): the races are decided here.
  await sql`create unique index booth_assignment_booth_id_uq on booth_assignment (booth_id) where status in ('held', 'confirmed')`.execute(db);
  await sql`create unique index booth_assignment_application_id_uq on booth_assignment (application_id) where status in ('held', 'confirmed')`.execute(db);

  await sql`
    create table invoice (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      application_id uuid not null references application (id) on delete cascade,
      booth_assignment_id uuid references booth_assignment (id) on delete set null,
      number text not null,
      amount_idr bigint not null,
      status text not null default 'unpaid',
      paid_at timestamptz,
      paid_reference text not null default '',
      marked_paid_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      constraint invoice_amount_idr_chk check (amount_idr between 1 and 1000000000000),
      constraint invoice_status_chk check (status in ('unpaid', 'paid', 'void'))
    )`.execute(db);
  await sql`create unique index invoice_event_id_number_uq on invoice (event_id, number)`.execute(db);
  await sql`create unique index invoice_booth_assignment_id_uq on invoice (booth_assignment_id) where status <> 'void'`.execute(db);

  await sql`
    create table exhibitor_staff (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references application (id) on delete cascade,
      name text not null,
      role text not null default '',
      phone text,
      email text,
      created_at timestamptz not null default now(),
      constraint exhibitor_staff_name_chk check (length(name) between 2 and 120)
    )`.execute(db);
  await sql`create index exhibitor_staff_application_id_idx on exhibitor_staff (application_id)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  for (const table of ["exhibitor_staff", "invoice", "booth_assignment", "booth", "curation_score", "application",
    "curation_criterion", "booth_size", "exhibitor_call", "certification", "product", "business", "upload"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
