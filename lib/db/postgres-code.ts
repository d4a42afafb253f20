/** The SQLSTATE of a failed query, as Prisma's pg driver adapter reports it (`meta.driverAdapterError.cause`). */
export function readPostgresCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
