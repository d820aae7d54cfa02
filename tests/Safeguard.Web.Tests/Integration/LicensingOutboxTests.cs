using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Integration;

/// <summary>
/// A licensing notice raised by the intelligence unit (issue 5) reaches the licensing authority's users through
/// casework's notifications and outbox (issue 3): in the app, and by an email that names nobody.
/// </summary>
public sealed class LicensingOutboxTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Email:PollInterval"] = "0", ["Casework:MonitorInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_licensed_suspect_linked_by_the_analyst_notifies_every_licensing_user_in_the_app_and_by_an_email_with_no_names()
    {
        using var officer = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var submitted = await officer.PostFormAsync("/intelligence/submit", "/intelligence/submit",
            ("Input.Title", "Driver waiting outside the school"), ("Input.Text", "A private hire driver waits outside Northbridge Academy most afternoons."));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var item = await _server.WithDbAsync(db => db.IntelligenceItems.Where(i => i.Title == "Driver waiting outside the school").Select(i => i.Id).SingleAsync());

        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        var linked = await analyst.PostFormAsync($"/intelligence/{item}/link?handler=AddPerson", $"/intelligence/{item}/link",
            ("NewPerson.GivenName", "Gareth"), ("NewPerson.FamilyName", "Pryce"), ("NewPerson.DateOfBirth.Day", ""), ("NewPerson.DateOfBirth.Month", ""), ("NewPerson.DateOfBirth.Year", ""),
            ("NewPerson.Role", "Suspect"), ("NewPerson.LinkKind", "present-at"), ("NewPerson.Confidence", "Confirmed"),
            ("NewPerson.Licence", "PrivateHireDriverLicence"), ("NewPerson.LicenceNumber", "PHD-4321"));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var notice = await _server.WithDbAsync(db => db.LicensingNotices.Join(db.People, n => n.PersonId, p => p.Id, (n, p) => new { n, p })
            .Where(x => x.p.GivenName == "Gareth").Select(x => x.n).SingleAsync());
        var licensingUsers = await _server.WithDbAsync(db => db.Users.Where(u => u.IsActive)
            .Join(db.Agencies.Where(a => a.Kind == AgencyKind.TaxiLicensing), u => u.AgencyId, a => a.Id, (u, a) => u.Email!).OrderBy(e => e).ToListAsync());
        Assert.True(licensingUsers.Count >= 2); // the demo's licensing officer and manager

        var notifications = await _server.WithDbAsync(db => db.Notifications.Where(n => n.Key == $"licensing-notice/{notice.Id}").ToListAsync());
        Assert.Equal(licensingUsers.Count, notifications.Count);
        Assert.All(notifications, n => Assert.Equal("/licensing/notices", n.Link));
        var ids = notifications.Select(n => n.Id).ToList();
        var emails = await _server.WithDbAsync(db => db.Outbox.Where(m => m.NotificationId != null && ids.Contains(m.NotificationId.Value)).ToListAsync());
        Assert.Equal(licensingUsers, emails.Select(e => e.To).Order(StringComparer.Ordinal));
        foreach (var email in emails)
        {
            Assert.Null(email.SentAt);
            foreach (var personal in new[] { "Gareth", "Pryce", "PHD-4321", "Northbridge Academy", "school" })
            {
                Assert.DoesNotContain(personal, email.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(personal, email.Body, StringComparison.OrdinalIgnoreCase);
            }
            Assert.Contains("/licensing/notices", email.Body, StringComparison.Ordinal);
        }

        // In the app, the licensing manager sees it in "my work"'s notifications; nobody outside licensing is told.
        using var manager = await SignedInClient.SignInAsync(_server, "licensing.manager");
        Assert.Contains("A new licensing notice is waiting", await manager.Http.GetStringAsync("/my-work"), StringComparison.Ordinal);
        Assert.Equal(0, await _server.WithDbAsync(db => db.Notifications.Where(n => n.Key == $"licensing-notice/{notice.Id}")
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.AgencyId)
            .Join(db.Agencies, id => id, a => a.Id, (id, a) => a.Kind).CountAsync(k => k != AgencyKind.TaxiLicensing)));
    }
}
