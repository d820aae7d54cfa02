using Microsoft.AspNetCore.OpenApi;

namespace Safeguard.Web.Features.Api;

public static class PartnerApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void ConfigureOpenApi(OpenApiOptions options)
    {
    }

    public static void Map(WebApplication app)
    {
    }
}
