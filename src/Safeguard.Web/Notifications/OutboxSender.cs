using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Notifications;

/// <summary>
/// Sends the outbox by SMTP (Email:Smtp:Host, Port, EnableSsl, UserName, Password; Email:From), every
/// Email:PollInterval (default 30 seconds; 0 turns the sender off). With no host configured, messages stay queued.
/// Each attempt first claims the message (attempt count, next attempt time and a version bump, saved before
/// sending), so two instances never send one message twice and a crash mid-send is retried later. A failure is
/// recorded with its type and the next attempt backs off: 1, 2, 4 ... minutes, at most an hour apart.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Email:PollInterval", TimeSpan.FromSeconds(30));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError("Sending the outbox failed with {ExceptionType}", exception.GetType().Name);
            }
        }
    }

    /// <summary>Sends every message due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var smtp = configuration.GetSection("Email:Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            return 0;
        }
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem("outbox");
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var now = db.Now;
        var due = await db.Outbox.Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        using var client = new SmtpClient(smtp["Host"], smtp.GetValue("Port", 25))
        {
            EnableSsl = smtp.GetValue("EnableSsl", false),
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)smtp.GetValue("Timeout", TimeSpan.FromSeconds(30)).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp["UserName"]))
        {
            client.Credentials = new NetworkCredential(smtp["UserName"], smtp["Password"]);
        }
        var from = configuration["Email:From"] ?? "safeguard@localhost";
        foreach (var message in due)
        {
            if (!await ClaimAsync(db, message, cancellationToken))
            {
                continue;
            }
            try
            {
                using var mail = new MailMessage(from, message.To, message.Subject, message.Body);
                await client.SendMailAsync(mail, cancellationToken);
                message.SentAt = db.Now;
                message.LastError = null;
                sent++;
            }
            catch (Exception exception) when (exception is SmtpException or InvalidOperationException or IOException or FormatException)
            {
                // The type and SMTP status only: the server's text may quote the message.
                message.LastError = exception is SmtpException smtpFailure
                    ? $"{exception.GetType().Name}: {smtpFailure.StatusCode}"
                    : exception.GetType().Name;
                logger.LogWarning("Email {MessageId} not sent ({Error}); attempt {Attempt}, next at {NextAttempt:o}", message.Id, message.LastError, message.Attempts, message.NextAttemptAt);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    private static async Task<bool> ClaimAsync(SafeguardDbContext db, OutboxEmail message, CancellationToken cancellationToken)
    {
        var now = db.Now;
        message.Attempts++;
        message.LastAttemptAt = now;
        message.NextAttemptAt = now + Backoff(message.Attempts);
        message.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }
}
