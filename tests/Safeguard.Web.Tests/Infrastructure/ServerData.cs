using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>Arranging and checking data through the server's own DbContext (acting as the system).</summary>
internal static class ServerData
{
    public static async Task<T> WithDbAsync<T>(this SafeguardServer server, Func<SafeguardDbContext, Task<T>> query)
    {
        await using var scope = server.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    public static Task<Id<Person>> IdOfAsync(this SafeguardServer server, string givenName) =>
        server.WithDbAsync(db => db.People.Where(p => p.GivenName == givenName).Select(p => p.Id).SingleAsync());
}
