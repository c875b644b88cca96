import { z } from 'zod';

export const objectTypes = ['User', 'Group'] as const;
export const objectTypeSchema = z.enum(objectTypes);
export type ObjectType = z.infer<typeof objectTypeSchema>;

export const attributeTypes = ['String', 'Integer', 'Boolean', 'DateTime', 'Reference', 'Binary'] as const;
export const attributeTypeSchema = z.enum(attributeTypes);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/**
 * One attribute of the target's schema (provisioning-behaviour.md §1). `name` is the target attribute
 * path the mappings write (`userName`, `name.givenName`, `emails[type eq "work"].value`, an extension URN
 * path…).
 */
export const targetSchemaAttributeSchema = z.object({
  objectType: objectTypeSchema,
  name: z.string().min(1),
  type: attributeTypeSchema.default('String'),
  primaryKey: z.boolean().default(false),
  required: z.boolean().default(false),
  multiValued: z.boolean().default(false),
  caseExact: z.boolean().default(false),
  referencedObject: objectTypeSchema.optional(),
  description: z.string().optional(),
});
export type TargetSchemaAttribute = z.infer<typeof targetSchemaAttributeSchema>;

/** One attribute a source offers: from a CSV header, an LDAP subschema, … */
export const sourceSchemaAttributeSchema = z.object({
  objectType: objectTypeSchema,
  name: z.string().min(1),
  type: attributeTypeSchema.default('String'),
  multiValued: z.boolean().default(false),
  referencedObject: objectTypeSchema.optional(),
});
export type SourceSchemaAttribute = z.infer<typeof sourceSchemaAttributeSchema>;

/** A value read from a source, after typing: never undefined (absent is null). */
export type SourceValue = string | number | boolean | null | string[];

/** A value as the engine hands it to a target: already converted to the target attribute's type. */
export type TargetValue = string | number | boolean | null | string[];

/** A target schema attribute with the usual defaults (String, optional, single-valued, case-insensitive). */
export function targetAttribute(
  objectType: ObjectType,
  name: string,
  extra: Partial<TargetSchemaAttribute> = {},
): TargetSchemaAttribute {
  return {
    objectType,
    name,
    type: 'String',
    primaryKey: false,
    required: false,
    multiValued: false,
    caseExact: false,
    ...extra,
  };
}
