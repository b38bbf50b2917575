import type { ColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both drivers (see db/index.ts parsers). */
export type DateColumn = ColumnType<string, string, string>;
/** jsonb written as JSON text. */
export type Json = ColumnType<unknown, string, string>;
export type JsonDefault = ColumnType<unknown, string | undefined, string>;
/** int8 is read as an exact decimal string on both drivers (money in whole rupiah); counts are cast to int in SQL. */
export type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;
export type BigSerial = ColumnType<string, never, never>;
