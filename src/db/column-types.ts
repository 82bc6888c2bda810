// Column shapes the table types share (Kysely's ColumnType: select, insert, update).
import type { ColumnType } from 'kysely';

/** set by the database on insert, never written by the application */
export type Stamp = ColumnType<Date, undefined, never>;
/** defaults on insert, may be written on update */
export type MutableStamp = ColumnType<Date, Date | undefined, Date>;
export type TextArray = ColumnType<string[], string[] | undefined, string[]>;
