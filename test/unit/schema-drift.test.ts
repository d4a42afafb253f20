import { describe, expect, it } from "vitest";
import { describeSchemaDrift, parseUnsupportedFields, type SchemaShape } from "@/test/support/schema-drift";

// A small schema in the shape both readers produce: a parent table, a child
// with a foreign key, a unique, a plain and a GIN index, and an enum.
function buildShape(): SchemaShape {
  return {
    enums: { Kind: ["opening", "panel", "closing"] },
    tables: {
      Dialogue: {
        columns: {
          id: { type: "text", isNullable: false },
          date: { type: "date", isNullable: false },
        },
        indexes: [{ columns: ["id"], isUnique: true, isPrimary: true, method: "btree" }],
        foreignKeys: [],
      },
      Statement: {
        columns: {
          id: { type: "text", isNullable: false },
          dialogueId: { type: "text", isNullable: false },
          kind: { type: "Kind", isNullable: false },
          tags: { type: "text[]", isNullable: true },
          createdAt: { type: "timestamp(3) without time zone", isNullable: false, hasDefault: true },
          search: { type: "tsvector", isNullable: true },
        },
        indexes: [
          { columns: ["id"], isUnique: true, isPrimary: true, method: "btree" },
          { columns: ["dialogueId", "kind"], isUnique: true, isPrimary: false, method: "btree" },
          { columns: ["search"], isUnique: false, isPrimary: false, method: "gin" },
        ],
        foreignKeys: [
          {
            columns: ["dialogueId"],
            referencedTable: "Dialogue",
            referencedColumns: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
      },
    },
  };
}

/** The drift found after `change` is applied to a copy of the expected shape. */
function findDriftAfter(change: (actual: SchemaShape) => void): string[] {
  const actual = structuredClone(buildShape());
  change(actual);
  return describeSchemaDrift(buildShape(), actual);
}

function getTable(shape: SchemaShape, name: string) {
  const table = shape.tables[name];
  if (!table) throw new Error(`no table ${name} in the fixture`);
  return table;
}

describe("describeSchemaDrift", () => {
  it("reports nothing when the shapes agree", () => {
    expect(describeSchemaDrift(buildShape(), buildShape())).toEqual([]);
  });

  it("reports a missing column", () => {
    const drift = findDriftAfter((actual) => {
      delete getTable(actual, "Statement").columns.kind;
    });
    expect(drift).toEqual(['column "Statement"."kind" is missing from the database']);
  });

  it("reports a column the schema does not know", () => {
    const drift = findDriftAfter((actual) => {
      getTable(actual, "Dialogue").columns.extra = { type: "text", isNullable: true };
    });
    expect(drift).toEqual(['column "Dialogue"."extra" is in the database but not in schema.prisma']);
  });

  it("reports a wrong type", () => {
    const drift = findDriftAfter((actual) => {
      getTable(actual, "Dialogue").columns.date = { type: "timestamp(3) without time zone", isNullable: false };
    });
    expect(drift).toEqual([
      'column "Dialogue"."date" has type timestamp(3) without time zone in the database, expected date',
    ]);
  });

  it("reports a nullability mismatch both ways", () => {
    const drift = findDriftAfter((actual) => {
      const columns = getTable(actual, "Statement").columns;
      columns.dialogueId = { type: "text", isNullable: true };
      columns.search = { type: "tsvector", isNullable: false };
    });
    expect(drift).toEqual([
      'column "Statement"."dialogueId" is nullable in the database, expected NOT NULL',
      'column "Statement"."search" is NOT NULL in the database, expected nullable',
    ]);
  });

  it("reports a missing default only where both sides know about defaults", () => {
    const drift = findDriftAfter((actual) => {
      const columns = getTable(actual, "Statement").columns;
      columns.createdAt = { type: "timestamp(3) without time zone", isNullable: false, hasDefault: false };
      columns.search = { type: "tsvector", isNullable: true, hasDefault: true };
    });
    expect(drift).toEqual(['column "Statement"."createdAt" has no default in the database, expected one']);
  });

  it("reports a missing index", () => {
    const drift = findDriftAfter((actual) => {
      const table = getTable(actual, "Statement");
      table.indexes = table.indexes.filter((index) => index.method !== "gin");
    });
    expect(drift).toEqual(['"Statement": index (search) using gin is missing from the database']);
  });

  it("reports an index whose uniqueness or method changed", () => {
    const drift = findDriftAfter((actual) => {
      const table = getTable(actual, "Statement");
      table.indexes = [
        { columns: ["id"], isUnique: true, isPrimary: true, method: "btree" },
        { columns: ["dialogueId", "kind"], isUnique: false, isPrimary: false, method: "btree" },
        { columns: ["search"], isUnique: false, isPrimary: false, method: "btree" },
      ];
    });
    expect(drift).toEqual([
      '"Statement": unique index (dialogueId, kind) using btree is missing from the database',
      '"Statement": index (search) using gin is missing from the database',
      '"Statement": index (dialogueId, kind) using btree is in the database but not in schema.prisma',
      '"Statement": index (search) using btree is in the database but not in schema.prisma',
    ]);
  });

  it("reports a missing foreign key", () => {
    const drift = findDriftAfter((actual) => {
      getTable(actual, "Statement").foreignKeys = [];
    });
    expect(drift).toEqual(['"Statement": foreign key (dialogueId) → "Dialogue" (id) is missing from the database']);
  });

  it("reports a foreign key with a different ON DELETE", () => {
    const drift = findDriftAfter((actual) => {
      const [foreignKey] = getTable(actual, "Statement").foreignKeys;
      if (foreignKey) foreignKey.onDelete = "RESTRICT";
    });
    expect(drift).toEqual([
      '"Statement": foreign key (dialogueId) → "Dialogue" (id) is ON DELETE RESTRICT in the database, expected ON DELETE CASCADE',
    ]);
  });

  it("reports missing and extra tables", () => {
    const drift = findDriftAfter((actual) => {
      const { Dialogue: dialogue, ...rest } = actual.tables;
      actual.tables = { ...rest, Stray: dialogue ?? { columns: {}, indexes: [], foreignKeys: [] } };
    });
    expect(drift).toEqual([
      'table "Dialogue" is missing from the database',
      'table "Stray" is in the database but not in schema.prisma',
    ]);
  });

  it("reports enum values that differ", () => {
    const drift = findDriftAfter((actual) => {
      actual.enums.Kind = ["opening", "panel"];
    });
    expect(drift).toEqual([
      'enum "Kind" has values [opening, panel] in the database, expected [opening, panel, closing]',
    ]);
  });
});

describe("parseUnsupportedFields", () => {
  it("finds Unsupported fields, which DMMF leaves out, with their nullability and @map", () => {
    const schemaText = `
model Statement {
  id     String                   @id
  // search Unsupported("ignored")? is only a comment
  search Unsupported("tsvector")?
  vector Unsupported("vector(3)") @map("embedding")
}

model Other {
  id String @id
}
`;
    expect(parseUnsupportedFields({ schemaText })).toEqual([
      { model: "Statement", name: "search", column: "search", type: "tsvector", isNullable: true },
      { model: "Statement", name: "vector", column: "embedding", type: "vector(3)", isNullable: false },
    ]);
  });
});
