import { EMULATOR_URL } from "./stack.ts";

// Extra objects for the design browser's size check: enough custom objects to reach about 1,500,
// and one object with 800 fields.

function customObject(name: string, label: string, fields: Record<string, unknown>[]) {
  return {
    name,
    label,
    labelPlural: `${label}s`,
    keyPrefix: null,
    custom: true,
    queryable: true,
    createable: true,
    updateable: true,
    deletable: true,
    retrieveable: true,
    searchable: true,
    layoutable: true,
    fields: [
      {
        name: "Id",
        label: "Record ID",
        type: "id",
        length: 18,
        nillable: false,
        createable: false,
        custom: false,
      },
      {
        name: "Name",
        label: `${label} Name`,
        type: "string",
        length: 80,
        nillable: false,
        createable: true,
        custom: false,
      },
      ...fields,
    ],
    childRelationships: [],
  };
}

function wideField(index: number): Record<string, unknown> {
  const name = `Field_${String(index).padStart(3, "0")}__c`;
  const base = {
    name,
    label: `Field ${index}`,
    custom: true,
    createable: true,
    nillable: index % 7 !== 0,
  };
  switch (index % 4) {
    case 0:
      return { ...base, type: "string", length: 255 };
    case 1:
      return { ...base, type: "double", precision: 18, scale: 2 };
    case 2:
      return {
        ...base,
        type: "picklist",
        length: 255,
        picklistValues: ["Red", "Green", "Blue"].map((value) => ({
          value,
          label: value,
          active: true,
          defaultValue: false,
        })),
      };
    default:
      return {
        ...base,
        type: "reference",
        length: 18,
        referenceTo: ["Account"],
        relationshipName: `Rel${index}__r`,
      };
  }
}

/** The 800-field object's name. */
export const WIDE_OBJECT = "Wide_Object__c";

/** Adds `count` small custom objects and one 800-field object; returns their names. */
export async function addLargeOrgObjects(count: number): Promise<string[]> {
  const describes = Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(4, "0");
    return customObject(`Perf_${number}__c`, `Perf ${number}`, [
      {
        name: "Amount__c",
        label: "Amount",
        type: "currency",
        precision: 16,
        scale: 2,
        custom: true,
        nillable: true,
      },
    ]);
  });
  describes.push(
    customObject(
      WIDE_OBJECT,
      "Wide Object",
      Array.from({ length: 798 }, (_, index) => wideField(index + 1)),
    ),
  );
  const res = await fetch(`${EMULATOR_URL}/__emulator/org/touch`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ add: describes }),
  });
  if (!res.ok) throw new Error(`emulator refused the objects: HTTP ${res.status}`);
  return describes.map((describe) => describe.name);
}

/** Takes the added objects out again so later suites see the usual org. */
export async function removeOrgObjects(names: string[]): Promise<void> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/org/touch`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ remove: names }),
  });
  if (!res.ok) throw new Error(`emulator could not remove the objects: HTTP ${res.status}`);
}
