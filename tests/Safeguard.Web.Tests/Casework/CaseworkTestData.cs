using System.Globalization;
using System.Net;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>Shared steps for the casework tests that drive the application over HTTP.</summary>
internal static class CaseworkTestData
{
    /// <summary>Reports a concern about a child Safeguard does not know, through the web form; returns the concern's address.</summary>
    public static async Task<string> ReportAsync(SignedInClient client, SafeguardServer server, string childName = "Zoe", string what = "Seen with an older man at the bus station late at night.")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        var today = DateOnly.FromDateTime(UkTime.ToLocal(server.Clock.GetUtcNow()).DateTime);
        var response = await client.PostFormAsync("/concerns/new", "/concerns/new",
            ("Input.ChildGivenName", childName), ("Input.ChildFamilyName", "Testcase"),
            ("Input.OccurredOn.Day", today.Day.ToString(CultureInfo.InvariantCulture)), ("Input.OccurredOn.Month", today.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Year", today.Year.ToString(CultureInfo.InvariantCulture)),
            ("Input.WhatHappened", what), ("Input.ImmediateDanger", "no"), ("Command", "send"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
