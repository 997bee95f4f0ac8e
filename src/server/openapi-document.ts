import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document's components: every schema named with `.meta({ id })`, as the zod provider emits
 * them, without the input variants (`<Name>Input`) no request uses — a named schema is nearly always an
 * answer, and an unused twin would only double the web client's types.
 */
export const transformOpenApiObject: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = doc.components?.schemas;
  if (!schemas) return doc as ReturnType<SwaggerTransformObject>;
  for (;;) {
    const text = JSON.stringify(doc);
    const unused = Object.keys(schemas).filter(
      (name) => name.endsWith('Input') && !text.includes(`"#/components/schemas/${name}"`),
    );
    if (unused.length === 0) break;
    for (const name of unused) delete schemas[name];
  }
  return doc as ReturnType<SwaggerTransformObject>;
};
