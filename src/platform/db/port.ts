/** The database port. Two drivers (PGlite, node-postgres) pass the same contract suite. */
export interface QueryResult<T> {
  readonly rows: T[];
  readonly rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a multi-statement SQL script with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows given in PostgreSQL's COPY text format (one row per `\n`-terminated line, columns in the
   * order of `columns` separated by tabs, `\N` for NULL, backslash escapes) into `table`, as one COPY
   * statement; returns the number of rows loaded. Optional: callers fall back to INSERT without it.
   */
  copyRows?(table: string, columns: readonly string[], data: string): Promise<number>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
