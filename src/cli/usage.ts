export class UsageError extends Error {}

export const usage = `Usage: accredit <command>   (or: npm run cli -- <command>)

  platform add --issuer URL --client-id ID --name NAME --auth-login-url URL
               --access-token-url URL --jwks-url URL [--deployment-id ID ...]
               [--token-audience AUD] [--accept-new-deployments] [--json]
  platform list [--json]
  platform remove ID
  outbox status [--json]     what waits to reach the LRS or the LMS, and what is dead
  outbox retry ID [ID ...]   send entries again now
  outbox retry-dead          send every dead entry again now
  content validate [DIR]     check the program's files (default: CONTENT_DIR, ./config)

The database is the one DATABASE_URL names (default: sqlite:./data/accredit.sqlite).
`;
