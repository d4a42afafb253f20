// Compares what schema.prisma describes with what the hand-written migrations
// built. Prisma Migrate would catch the difference itself, but its schema
// engine cannot run on our machines, so this is our guard against drift.
//
// Both sides are first reduced to a SchemaShape; describeSchemaDrift then
// compares two shapes and is pure, so a unit test can prove it notices drift.
// Not modelled (add them here when the schema first uses them): implicit
// many-to-many join tables, constraint and index names. Partial indexes are
// skipped: schema.prisma cannot express them, so they live in SQL alone
// (e.g. one open silence procedure per plan).
import type pg from "pg";

/** A column as PostgreSQL's format_type() spells its type, e.g. "timestamp(3) without time zone". */
export type ColumnShape = {
  type: string;
  isNullable: boolean;
  /** Whether the database fills in a default; left out where it cannot be known. */
  hasDefault?: boolean;
};

export type IndexShape = {
  /** Column names in index order, "name DESC" when descending. */
  columns: string[];
  isUnique: boolean;
  isPrimary: boolean;
  /** The access method: btree, gin, gist, hash, brin, spgist. */
  method: string;
};

export type ForeignKeyShape = {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  /** As SQL spells it: CASCADE, RESTRICT, NO ACTION, SET NULL, SET DEFAULT. */
  onDelete: string;
  onUpdate?: string;
};

export type TableShape = {
  columns: Record<string, ColumnShape>;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};

export type SchemaShape = {
  tables: Record<string, TableShape>;
  /** Enum type name → its values in order. */
  enums: Record<string, string[]>;
};

/**
 * Lists every difference between the schema we expect and the one we found,
 * one readable sentence each; an empty list means no drift.
 */
export function describeSchemaDrift(expected: SchemaShape, actual: SchemaShape): string[] {
  const drift: string[] = [];

  for (const [name, values] of Object.entries(expected.enums)) {
    const found = actual.enums[name];
    if (!found) drift.push(`enum "${name}" is missing from the database`);
    else if (found.join(",") !== values.join(","))
      drift.push(`enum "${name}" has values [${found.join(", ")}] in the database, expected [${values.join(", ")}]`);
  }
  for (const name of Object.keys(actual.enums)) {
    if (!(name in expected.enums)) drift.push(`enum "${name}" is in the database but not in schema.prisma`);
  }

  for (const [tableName, table] of Object.entries(expected.tables)) {
    const found = actual.tables[tableName];
    if (!found) drift.push(`table "${tableName}" is missing from the database`);
    else drift.push(...describeTableDrift({ tableName, expected: table, actual: found }));
  }
  for (const tableName of Object.keys(actual.tables)) {
    if (!(tableName in expected.tables)) drift.push(`table "${tableName}" is in the database but not in schema.prisma`);
  }
  return drift;
}

function describeTableDrift({
  tableName,
  expected,
  actual,
}: {
  tableName: string;
  expected: TableShape;
  actual: TableShape;
}): string[] {
  const drift: string[] = [];
  const at = (column: string) => `column "${tableName}"."${column}"`;

  for (const [columnName, column] of Object.entries(expected.columns)) {
    const found = actual.columns[columnName];
    if (!found) {
      drift.push(`${at(columnName)} is missing from the database`);
      continue;
    }
    if (found.type !== column.type)
      drift.push(`${at(columnName)} has type ${found.type} in the database, expected ${column.type}`);
    if (found.isNullable !== column.isNullable)
      drift.push(
        `${at(columnName)} is ${describeNullability(found.isNullable)} in the database, expected ${describeNullability(column.isNullable)}`,
      );
    if (column.hasDefault !== undefined && found.hasDefault !== undefined && found.hasDefault !== column.hasDefault)
      drift.push(
        found.hasDefault
          ? `${at(columnName)} has a default in the database, expected none`
          : `${at(columnName)} has no default in the database, expected one`,
      );
  }
  for (const columnName of Object.keys(actual.columns)) {
    if (!(columnName in expected.columns)) drift.push(`${at(columnName)} is in the database but not in schema.prisma`);
  }

  // Indexes have no identity but their definition, so compare them as
  // multisets of descriptions: a changed index shows as one missing plus one extra.
  const expectedIndexes = expected.indexes.map(describeIndex);
  const actualIndexes = actual.indexes.map(describeIndex);
  for (const index of subtractAll(expectedIndexes, actualIndexes))
    drift.push(`"${tableName}": ${index} is missing from the database`);
  for (const index of subtractAll(actualIndexes, expectedIndexes))
    drift.push(`"${tableName}": ${index} is in the database but not in schema.prisma`);

  const unmatched = [...actual.foreignKeys];
  for (const foreignKey of expected.foreignKeys) {
    const position = unmatched.findIndex((candidate) => describeReference(candidate) === describeReference(foreignKey));
    if (position === -1) {
      drift.push(`"${tableName}": foreign key ${describeReference(foreignKey)} is missing from the database`);
      continue;
    }
    const [found] = unmatched.splice(position, 1) as [ForeignKeyShape];
    if (found.onDelete !== foreignKey.onDelete)
      drift.push(
        `"${tableName}": foreign key ${describeReference(foreignKey)} is ON DELETE ${found.onDelete} in the database, expected ON DELETE ${foreignKey.onDelete}`,
      );
    if (foreignKey.onUpdate !== undefined && found.onUpdate !== undefined && found.onUpdate !== foreignKey.onUpdate)
      drift.push(
        `"${tableName}": foreign key ${describeReference(foreignKey)} is ON UPDATE ${found.onUpdate} in the database, expected ON UPDATE ${foreignKey.onUpdate}`,
      );
  }
  for (const foreignKey of unmatched)
    drift.push(
      `"${tableName}": foreign key ${describeReference(foreignKey)} is in the database but not in schema.prisma`,
    );

  return drift;
}

function describeNullability(isNullable: boolean): string {
  return isNullable ? "nullable" : "NOT NULL";
}

function describeIndex(index: IndexShape): string {
  const kind = index.isPrimary ? "primary key" : index.isUnique ? "unique index" : "index";
  return `${kind} (${index.columns.join(", ")}) using ${index.method}`;
}

function describeReference(foreignKey: ForeignKeyShape): string {
  return `(${foreignKey.columns.join(", ")}) → "${foreignKey.referencedTable}" (${foreignKey.referencedColumns.join(", ")})`;
}

/** `items` minus `removed`, removing one occurrence per element of `removed`. */
function subtractAll(items: string[], removed: string[]): string[] {
  const remaining = [...items];
  for (const item of removed) {
    const position = remaining.indexOf(item);
    if (position !== -1) remaining.splice(position, 1);
  }
  return remaining;
}

// ---------------------------------------------------------------------------
// Reading schema.prisma

// Prisma's default column types on PostgreSQL, spelled as format_type() does.
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// @db.* native types; `args` are the attribute's arguments, e.g. ["255"].
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  VarChar: (args) => withArgs("character varying", args),
  Char: (args) => withArgs("character", args.length ? args : ["1"]),
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Money: () => "money",
  Oid: () => "oid",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: (args) => withArgs("numeric", args),
  Boolean: () => "boolean",
  Bit: (args) => withArgs("bit", args.length ? args : ["1"]),
  VarBit: (args) => withArgs("bit varying", args),
  ByteA: () => "bytea",
  Json: () => "json",
  JsonB: () => "jsonb",
  Date: () => "date",
  Timestamp: (args) => `${withArgs("timestamp", args)} without time zone`,
  Timestamptz: (args) => `${withArgs("timestamp", args)} with time zone`,
  Time: (args) => `${withArgs("time", args)} without time zone`,
  Timetz: (args) => `${withArgs("time", args)} with time zone`,
};

// DMMF's onDelete/onUpdate names, spelled as SQL does.
const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

// Defaults Prisma Client generates itself; the column gets no DEFAULT.
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

function withArgs(name: string, args: string[]): string {
  return args.length ? `${name}(${args.join(",")})` : name;
}

// The slice of DMMF we read, typed here so this file does not depend on
// @prisma/internals' deep type exports.
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: readonly string[];
  relationToFields?: readonly string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: readonly DmmfField[] };
type DmmfIndex = {
  model: string;
  type: string;
  algorithm?: string;
  fields: readonly { name: string; sortOrder?: string }[];
};
type DmmfEnum = { name: string; dbName?: string | null; values: readonly { name: string; dbName: string | null }[] };

/** A field written as `Unsupported("...")`, which DMMF leaves out. */
type UnsupportedField = { model: string; name: string; column: string; type: string; isNullable: boolean };

/** Reads the shape schema.prisma describes, via Prisma's own parser (WASM, works offline). */
export async function readSchemaPrismaShape({ schemaText }: { schemaText: string }): Promise<SchemaShape> {
  // Imported lazily: @prisma/internals is heavy and only the integration test
  // needs it. Node's own loader exposes this CommonJS package only as
  // `default` (vitest uses that), while tsx also gives named exports.
  const internals = await import("@prisma/internals");
  const getDMMF = internals.getDMMF ?? internals.default.getDMMF;
  const dmmf = await getDMMF({ datamodel: schemaText });
  const datamodel = dmmf.datamodel as unknown as {
    models: readonly DmmfModel[];
    enums: readonly DmmfEnum[];
    indexes: readonly DmmfIndex[];
  };
  const unsupportedFields = parseUnsupportedFields({ schemaText });

  const enumNames = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const enums = Object.fromEntries(
    datamodel.enums.map((item) => [item.dbName ?? item.name, item.values.map((value) => value.dbName ?? value.name)]),
  );

  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const columnName = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (field) return field.dbName ?? field.name;
    const unsupported = unsupportedFields.find((item) => item.model === model.name && item.name === fieldName);
    return unsupported?.column ?? fieldName;
  };

  const tables: Record<string, TableShape> = {};
  for (const model of datamodel.models) {
    const table: TableShape = { columns: {}, indexes: [], foreignKeys: [] };
    tables[tableName(model)] = table;

    for (const field of model.fields) {
      if (field.kind === "object") {
        const fromFields = field.relationFromFields ?? [];
        const target = modelsByName.get(field.type);
        if (fromFields.length === 0 || !target) continue; // the other side of the relation holds the key
        const isOptional = fromFields.some((name) => !model.fields.find((item) => item.name === name)?.isRequired);
        table.foreignKeys.push({
          columns: fromFields.map((name) => columnName(model, name)),
          referencedTable: tableName(target),
          referencedColumns: (field.relationToFields ?? []).map((name) => columnName(target, name)),
          // Prisma's defaults when the relation does not say.
          onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (isOptional ? "SetNull" : "Restrict")] ?? "?",
          onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "?",
        });
        continue;
      }
      table.columns[field.dbName ?? field.name] = {
        type: describePrismaType({ field, enumNames }),
        // Prisma writes scalar lists without NOT NULL.
        isNullable: field.isList || !field.isRequired,
        hasDefault: hasDatabaseDefault(field),
      };
    }

    for (const field of unsupportedFields.filter((item) => item.model === model.name)) {
      // No hasDefault: such columns are often GENERATED, which Prisma cannot express.
      table.columns[field.column] = { type: field.type, isNullable: field.isNullable };
    }

    for (const index of datamodel.indexes.filter((item) => item.model === model.name)) {
      if (index.type === "fulltext") continue; // MySQL only
      table.indexes.push({
        columns: index.fields.map(
          (field) => `${columnName(model, field.name)}${field.sortOrder === "desc" ? " DESC" : ""}`,
        ),
        isUnique: index.type === "unique" || index.type === "id",
        isPrimary: index.type === "id",
        method: (index.algorithm ?? "BTree").toLowerCase(),
      });
    }
  }
  return { tables, enums };
}

function describePrismaType({ field, enumNames }: { field: DmmfField; enumNames: Map<string, string> }): string {
  let type: string;
  if (field.kind === "enum") type = enumNames.get(field.type) ?? field.type;
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    type = NATIVE_TYPES[name]?.(args) ?? withArgs(name.toLowerCase(), args);
  } else type = SCALAR_TYPES[field.type] ?? `unknown Prisma type ${field.type}`;
  return field.isList ? `${type}[]` : type;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default;
  const isFunction = typeof value === "object" && value !== null && !Array.isArray(value) && "name" in value;
  return !(isFunction && CLIENT_SIDE_DEFAULTS.has(String(value.name)));
}

/**
 * Finds `name Unsupported("type")?` lines in each model block. DMMF omits
 * such fields (they only show up in its indexes), yet they are real columns,
 * e.g. our generated tsvector `search` columns.
 */
export function parseUnsupportedFields({ schemaText }: { schemaText: string }): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  const withoutComments = schemaText.replace(/\/\/.*$/gm, "");
  for (const block of withoutComments.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    const [, model = "", body = ""] = block;
    for (const line of body.matchAll(/^\s*(\w+)\s+Unsupported\(\s*"([^"]+)"\s*\)(\[\])?(\?)?(.*)$/gm)) {
      const [, name = "", type = "", list, optional, rest = ""] = line;
      const mapped = /@map\(\s*"([^"]+)"\s*\)/.exec(rest)?.[1];
      fields.push({
        model,
        name,
        column: mapped ?? name,
        type: `${type.toLowerCase()}${list ? "[]" : ""}`,
        isNullable: Boolean(optional) || Boolean(list),
      });
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------
// Reading the database

// pg_constraint's one-letter referential actions.
const FOREIGN_KEY_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Prisma Migrate's own bookkeeping, not part of the app's schema. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

/** Reads the shape of the connected database's current schema from the catalogs. */
export async function readDatabaseShape({ client }: { client: pg.Client }): Promise<SchemaShape> {
  const tables: Record<string, TableShape> = {};
  const tableFor = (name: string) => (tables[name] ??= { columns: {}, indexes: [], foreignKeys: [] });

  const tableRows = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  for (const row of tableRows.rows) if (!IGNORED_TABLES.has(row.name)) tableFor(row.name);

  const columnRows = await client.query<{
    table: string;
    column: string;
    type: string;
    is_nullable: boolean;
    has_default: boolean;
  }>(
    `SELECT c.relname::text AS table, a.attname::text AS column,
            format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS is_nullable,
            -- A generated column's expression also lives in pg_attrdef; it is not a default.
            (a.atthasdef AND a.attgenerated = '') AS has_default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  for (const row of columnRows.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    tableFor(row.table).columns[row.column] = {
      // format_type quotes mixed-case names such as "SegmentKind"; schema.prisma does not.
      type: row.type.replaceAll('"', ""),
      isNullable: row.is_nullable,
      hasDefault: row.has_default,
    };
  }

  const indexRows = await client.query<{
    table: string;
    columns: string[];
    is_unique: boolean;
    is_primary: boolean;
    method: string;
  }>(
    `SELECT t.relname::text AS table, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            am.amname::text AS method,
            ARRAY(
              SELECT COALESCE(a.attname::text, '(expression)')
                     || CASE WHEN (ix.indoption[(k.ord - 1)::int] & 1) = 1 THEN ' DESC' ELSE '' END
                FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
               WHERE k.ord <= ix.indnkeyatts
               ORDER BY k.ord
            ) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND ix.indpred IS NULL`,
  );
  for (const row of indexRows.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    tableFor(row.table).indexes.push({
      columns: row.columns,
      isUnique: row.is_unique,
      isPrimary: row.is_primary,
      method: row.method,
    });
  }

  const foreignKeyRows = await client.query<{
    table: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname::text AS table, rt.relname::text AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class rt ON rt.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  for (const row of foreignKeyRows.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    tableFor(row.table).foreignKeys.push({
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: FOREIGN_KEY_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: FOREIGN_KEY_ACTIONS[row.on_update] ?? row.on_update,
    });
  }

  const enumRows = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`,
  );
  const enums = Object.fromEntries(enumRows.rows.map((row) => [row.name, row.values]));

  return { tables, enums };
}
