using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on loopback for the sign-in tests: discovery, keys, an authorize endpoint that
/// signs in whoever the test says, a token endpoint issuing RS256 id tokens, and userinfo. Just enough of the
/// protocol for ASP.NET Core's real OpenID Connect handler to run against it unchanged.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (string Nonce, string ClientId)> _codes = new();

    public const string ClientId = "safeguard-test";
    public const string ClientSecret = "test-secret";

    private FakeOidcProvider(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public string Authority { get; private set; } = "";

    /// <summary>Who the provider signs in next, and the authentication methods it asserts.</summary>
    public string Email { get; set; } = "";
    public string[] Methods { get; set; } = ["pwd", "mfa"];

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var provider = new FakeOidcProvider(app, key);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = $"{provider.Authority}/authorize",
            ["token_endpoint"] = $"{provider.Authority}/token",
            ["userinfo_endpoint"] = $"{provider.Authority}/userinfo",
            ["jwks_uri"] = $"{provider.Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var code = Guid.NewGuid().ToString("N");
            provider._codes[code] = (request.Query["nonce"].ToString(), request.Query["client_id"].ToString());
            var redirect = $"{request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(request.Query["state"].ToString())}";
            return Results.Redirect(redirect);
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!provider._codes.TryRemove(form["code"].ToString(), out var grant) || form["client_secret"] != ClientSecret)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = provider.Authority,
                Audience = grant.ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = provider.Email,
                    ["email"] = provider.Email,
                    ["nonce"] = grant.Nonce,
                    ["amr"] = provider.Methods,
                },
            });
            return Results.Json(new { access_token = "access-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
        app.MapGet("/userinfo", () => Results.Json(new { sub = provider.Email, email = provider.Email }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Authority = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return provider;
    }

    public IDictionary<string, string?> SettingsForSafeguard() => new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = Authority,
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:DisplayName"] = "Northbridge staff account",
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa?.Dispose();
    }
}
