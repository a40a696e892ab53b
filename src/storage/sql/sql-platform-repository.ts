import type { Kysely, Selectable } from 'kysely';
import type { NewPlatform, Platform } from '../../domain/platform.js';
import type { PlatformRepository } from '../../ports/storage.js';
import type { Database, PlatformsTable } from './database-schema.js';
import { isUniqueViolation } from './unique-violation.js';

export class SqlPlatformRepository implements PlatformRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(platform: NewPlatform & { id: string; createdAt: Date }): Promise<'created' | 'duplicate'> {
    const createdAt = platform.createdAt.toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('platforms')
          .values({
            id: platform.id,
            issuer: platform.issuer,
            client_id: platform.clientId,
            name: platform.name,
            auth_login_url: platform.authLoginUrl,
            access_token_url: platform.accessTokenUrl,
            jwks_url: platform.jwksUrl,
            token_audience: platform.tokenAudience ?? null,
            accept_new_deployments: platform.acceptNewDeployments ? 1 : 0,
            created_at: createdAt,
          })
          .execute();
        if (platform.deploymentIds.length > 0) {
          await trx
            .insertInto('platform_deployments')
            .values(
              [...new Set(platform.deploymentIds)].map((deploymentId) => ({
                platform_id: platform.id,
                deployment_id: deploymentId,
                source: 'admin',
                created_at: createdAt,
              })),
            )
            .execute();
        }
      });
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
  }

  async findById(id: string): Promise<Platform | undefined> {
    const row = await this.db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withDeployments([row]))[0] : undefined;
  }

  async findByIssuerAndClientId(issuer: string, clientId: string): Promise<Platform | undefined> {
    const row = await this.db
      .selectFrom('platforms')
      .selectAll()
      .where('issuer', '=', issuer)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? (await this.withDeployments([row]))[0] : undefined;
  }

  async findByIssuer(issuer: string): Promise<Platform[]> {
    const rows = await this.db.selectFrom('platforms').selectAll().where('issuer', '=', issuer).execute();
    return this.withDeployments(rows);
  }

  async list(): Promise<Platform[]> {
    const rows = await this.db
      .selectFrom('platforms')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return this.withDeployments(rows);
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('lti_login_states').where('platform_id', '=', id).execute();
      await trx.deleteFrom('platform_deployments').where('platform_id', '=', id).execute();
      const result = await trx.deleteFrom('platforms').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async addDeployment(platformId: string, deploymentId: string, source: 'admin' | 'launch', at: Date) {
    const result = await this.db
      .insertInto('platform_deployments')
      .values({ platform_id: platformId, deployment_id: deploymentId, source, created_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['platform_id', 'deployment_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  private async withDeployments(rows: Selectable<PlatformsTable>[]): Promise<Platform[]> {
    if (rows.length === 0) return [];
    const deployments = await this.db
      .selectFrom('platform_deployments')
      .select(['platform_id', 'deployment_id'])
      .where(
        'platform_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('deployment_id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      issuer: row.issuer,
      clientId: row.client_id,
      name: row.name,
      authLoginUrl: row.auth_login_url,
      accessTokenUrl: row.access_token_url,
      jwksUrl: row.jwks_url,
      tokenAudience: row.token_audience ?? undefined,
      acceptNewDeployments: Number(row.accept_new_deployments) === 1,
      deploymentIds: deployments.filter((d) => d.platform_id === row.id).map((d) => d.deployment_id),
      createdAt: new Date(row.created_at),
    }));
  }
}
