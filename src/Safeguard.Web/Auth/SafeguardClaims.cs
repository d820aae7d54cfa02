namespace Safeguard.Web.Auth;

/// <summary>Claims Safeguard adds to a signed-in user's principal (see SafeguardClaimsFactory).</summary>
public static class SafeguardClaims
{
    public const string AgencyId = "safeguard:agency-id";
    public const string AgencyCode = "safeguard:agency-code";
    public const string AgencyName = "safeguard:agency-name";
    public const string TeamId = "safeguard:team-id";
    public const string DisplayName = "safeguard:display-name";
}

/// <summary>The authentication scheme name of the partnership's OpenID Connect provider, when configured.</summary>
public static class ExternalSignIn
{
    public const string Scheme = "oidc";
}
