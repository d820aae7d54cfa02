using System.Net;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

public sealed class SessionTests
{
    [Fact]
    public async Task A_session_keeps_its_second_factor_when_the_security_stamp_is_checked_again()
    {
        await using var server = await SafeguardServer.StartAsync();
        using var client = await SignedInClient.SignInAsync(server, "csc.practitioner");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/home")).StatusCode);
        // The stamp is checked on every request; time passing (within the 30-minute sliding session) must not lose
        // the second factor, as it did when Identity rebuilt the principal from the database every 5 minutes.
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/home")).StatusCode);
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/children")).StatusCode);
    }
}
