using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;
using Safeguard.Web.Notifications;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>
/// Email goes through the outbox: written with the event, sent by the sender, retried with backoff when the mail
/// server fails, left queued when none is configured. Emails never name the child.
/// </summary>
public sealed class OutboxTests
{
    private static Dictionary<string, string?> Settings(int? smtpPort) => new()
    {
        ["Email:PollInterval"] = "0",
        ["Casework:MonitorInterval"] = "0",
        ["Email:Smtp:Host"] = smtpPort is null ? null : "127.0.0.1",
        ["Email:Smtp:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Timeout"] = "00:00:05",
        ["Email:SiteUrl"] = "https://safeguard.northbridge.example",
    };

    [Fact]
    public async Task A_concern_writes_its_emails_in_the_same_save_and_with_no_mail_server_they_wait()
    {
        await using var server = await SafeguardServer.StartAsync(settings: Settings(null));
        using var youthWorker = await SignedInClient.SignInAsync(server, "youth.worker");
        var concern = await CaseworkTestData.ReportAsync(youthWorker, server, "Zoe");
        var id = concern.Split('/')[^1];

        Assert.Equal(0, await server.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var key = $"concern-new/{id}";
        var notified = await db.Notifications.Where(n => n.Key == key).Select(n => n.Id).ToListAsync();
        var emails = await db.Outbox.Where(m => m.NotificationId != null && notified.Contains(m.NotificationId.Value)).ToListAsync();
        Assert.Single(emails); // the demo partnership has one front door worker
        var email = emails[0];
        Assert.Equal(DemoPartnership.EmailOf("mash.triage"), email.To);
        Assert.Equal("Safeguard: a new concern needs a decision", email.Subject);
        Assert.Contains($"https://safeguard.northbridge.example/front-door/concerns/{id}", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoe", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Zoe", email.Subject, StringComparison.Ordinal);
        Assert.Null(email.SentAt);
        Assert.Equal(0, email.Attempts);
        // The notification, the email and the concern are ledgered by one save.
        Assert.True(await db.Ledger.AnyAsync(e => e.Type == "OutboxEmail.added" && e.Stream == $"email/{email.Id}"));
    }

    [Fact]
    public async Task The_sender_delivers_and_marks_each_message_sent()
    {
        await using var smtp = new FakeSmtpServer();
        await using var server = await SafeguardServer.StartAsync(settings: Settings(smtp.Port));
        using var youthWorker = await SignedInClient.SignInAsync(server, "youth.worker");
        await CaseworkTestData.ReportAsync(youthWorker, server, "Zoe");
        var sender = server.Services.GetRequiredService<OutboxSender>();

        var sent = await sender.SendDueAsync(CancellationToken.None);

        Assert.True(sent >= 1);
        Assert.Equal(sent, smtp.Messages.Count);
        Assert.Contains(smtp.Messages, m => m.Contains("a new concern needs a decision", StringComparison.Ordinal) && !m.Contains("Zoe", StringComparison.Ordinal));
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.False(await db.Outbox.AnyAsync(m => m.SentAt == null));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // nothing is sent twice
    }

    [Fact]
    public async Task A_refused_message_stays_in_the_outbox_and_is_retried_with_backoff()
    {
        await using var smtp = new FakeSmtpServer { RefuseFirst = 1000 };
        await using var server = await SafeguardServer.StartAsync(settings: Settings(smtp.Port));
        using var youthWorker = await SignedInClient.SignInAsync(server, "youth.worker");
        var concern = await CaseworkTestData.ReportAsync(youthWorker, server, "Zoe");
        var sender = server.Services.GetRequiredService<OutboxSender>();
        var start = server.Clock.GetUtcNow();

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var failed = await db.Outbox.AsNoTracking().ToListAsync();
            Assert.All(failed, m =>
            {
                Assert.Null(m.SentAt);
                Assert.Equal(1, m.Attempts);
                Assert.StartsWith("SmtpException", m.LastError, StringComparison.Ordinal);
                Assert.Equal(TimeSpan.FromMinutes(1), m.NextAttemptAt - m.LastAttemptAt);
            });
        }

        // Not due again until the backoff has passed; then the second failure waits twice as long.
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Messages);
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.All(await db.Outbox.AsNoTracking().ToListAsync(), m =>
            {
                Assert.Equal(2, m.Attempts);
                Assert.Equal(TimeSpan.FromMinutes(2), m.NextAttemptAt - m.LastAttemptAt);
            });
        }

        // The mail server recovers: the messages go at the next attempt.
        smtp.RefuseFirst = 0;
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await sender.SendDueAsync(CancellationToken.None) >= 1);
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.False(await db.Outbox.AnyAsync(m => m.SentAt == null));
            Assert.All(await db.Outbox.AsNoTracking().ToListAsync(), m => Assert.Null(m.LastError));
        }
        Assert.True(server.Clock.GetUtcNow() - start >= TimeSpan.FromMinutes(3));
        Assert.NotNull(concern);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    public void Backoff_doubles_to_an_hour(int attempts, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxSender.Backoff(attempts));
}
