export class UsageError extends Error {}

export const usage = `Usage: accredit <command>   (or: npm run cli -- <command>)

  platform add --issuer URL --client-id ID --name NAME --auth-login-url URL
               --access-token-url URL --jwks-url URL [--deployment-id ID ...]
               [--token-audience AUD] [--accept-new-deployments] [--json]
  platform list [--json]
  platform remove ID
  content validate [DIR]     check the program's files (default: CONTENT_DIR, ./config)

The database is the one DATABASE_URL names (default: sqlite:./data/accredit.sqlite).
`;
