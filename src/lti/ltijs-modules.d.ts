// ltijs ships no types; these are the few shapes Accredit uses (ltijs 5.9.9).
declare module 'ltijs' {
  const ltijs: { Provider: object };
  export default ltijs;
}

declare module 'ltijs/dist/Utils/Platform.js' {
  export default class LtijsPlatform {
    constructor(
      name: string,
      platformUrl: string,
      clientId: string,
      authenticationEndpoint: string,
      accesstokenEndpoint: string,
      authorizationServer: string,
      kid: string,
      encryptionKey: string,
      authConfig: { method: 'JWK_SET'; key: string },
      database: unknown,
    );
    platformId(): Promise<string>;
    platformUrl(): Promise<string>;
    platformClientId(): Promise<string>;
    platformPrivateKey(): Promise<string>;
    platformAccessToken(scopes: string): Promise<{ access_token: string }>;
  }
}
