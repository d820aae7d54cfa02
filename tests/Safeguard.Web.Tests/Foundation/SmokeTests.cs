using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

public sealed class SmokeTests
{
    [Fact]
    public async Task Practitioner_signs_in_and_opens_an_allocated_childs_record_but_not_another()
    {
        await using var server = await SafeguardServer.StartAsync();
        using var client = await SignedInClient.SignInAsync(server, "csc.practitioner");
        Guid amber, aisha;
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            amber = (await db.People.SingleAsync(p => p.GivenName == "Amber")).Id.Value;
            aisha = (await db.People.SingleAsync(p => p.GivenName == "Aisha")).Id.Value;
        }
        var home = await client.Http.GetAsync("/home");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var record = await client.Http.GetAsync($"/children/{amber}");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("Amber Lewis", await record.Content.ReadAsStringAsync());
        var other = await client.Http.GetAsync($"/children/{aisha}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
