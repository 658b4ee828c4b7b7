import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd form rule that checks a field with a shared zod schema and shows the schema's own (Chinese) message,
 * so the console and the server refuse the same values with the same words.
 * Empty values are left to the field's `required` rule.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '');
    },
  };
}
