// A real OpenID Connect provider on loopback for the sign-in journeys: npm's certified
// `oidc-provider`, with its built-in login and consent pages (any login name is an account
// whose subject and e-mail are that name). It issues JWT access tokens for the portal's API
// (the audience the backend is started with) and allows the portal's public client with PKCE.
// Usage: node oidc-provider.mjs PORT REDIRECT_URI...
import Provider from "oidc-provider";

export const CLIENT_ID = "partner-portal";
export const AUDIENCE = "urn:partner-portal:api";

const [port, ...redirectUris] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    token_endpoint_auth_method: "none",
    redirect_uris: redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true }),
  }),
  claims: { openid: ["sub"], email: ["email", "email_verified"] },
  scopes: ["openid", "email", "api"],
  pkce: { required: () => true },
  // Every access token is a JWT for the portal's API, signed with the provider's key.
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "api",
        audience: AUDIENCE,
        accessTokenTTL: 10 * 60,
        accessTokenFormat: "jwt",
        jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
  // The portal's origins may call the token endpoint (a public client in the browser).
  clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
});
provider.proxy = false;
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider: ${issuer}`));
