import { z } from 'zod';
import { DOMAIN_KEYS } from '../domains';

export const DomainKeySchema = z.enum(DOMAIN_KEYS);

export const DomainSchema = z.object({
  key: DomainKeySchema,
  name: z.string(),
  description: z.string(),
});

export const DomainListSchema = z.object({ items: z.array(DomainSchema) });
