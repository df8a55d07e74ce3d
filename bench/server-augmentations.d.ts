// Server route files (reached through the modules' index.ts) use the request and reply fields
// @fastify/cookie declares when it is imported, as app.ts does for the server itself.
import '@fastify/cookie';
