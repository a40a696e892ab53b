import { z } from 'zod';
import type { Route } from './routes.js';
import type { ToolContext } from './tool-context.js';

const security: Record<string, unknown[] | undefined> = {
  admin: [{ adminToken: [] }],
  session: [{ sessionToken: [] }],
  page: [{ pageSession: [] }],
};

/** The OpenAPI 3.1 document of the route table, served at /api/openapi.json. */
export function openApiDocument(routes: readonly Route[], tool: ToolContext) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...routes, openApiRoute]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(security[route.access] ? { security: security[route.access] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: z.toJSONSchema(route.body(tool)) } },
            },
          }
        : {}),
      responses: {
        default:
          route.access === 'page'
            ? { description: 'An HTML page, or a 303 to one after a form post; errors are an HTML page' }
            : { description: 'JSON; errors are { error, message }' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Accredit', version: '0.1.0' },
    servers: [{ url: tool.config.publicUrl }],
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
        sessionToken: { type: 'http', scheme: 'bearer', description: 'the session token a launch opened' },
        pageSession: {
          type: 'apiKey',
          in: 'query',
          name: 'session',
          description: "pages: the launch's session token, or an admin page session from POST /admin/sign-in",
        },
      },
    },
    paths,
  };
}

const openApiRoute: Route = {
  method: 'get',
  path: '/api/openapi.json',
  access: 'public',
  summary: 'This document',
  handler: () => () => {},
};
