/** The shape of a translation object with every leaf a string: en files must mirror the id keys. */
export type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
