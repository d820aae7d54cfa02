using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Notifications;

/// <summary>
/// Tells users something, in the app and by email, as part of the save that records the event (nothing is sent if
/// the event is not saved). The in-app text may name the child; the email never does: it says there is something
/// to see, with a link, because email leaves the partnership's systems.
/// Each (user, key) is notified once, so recording the same step again, or two instances noticing it at once,
/// tells nobody twice.
/// </summary>
public sealed class Notifier(SafeguardDbContext db, IConfiguration configuration)
{
    /// <param name="key">What this is about, e.g. "action-assigned/{id}": one notification per key per user.</param>
    /// <param name="text">The in-app text.</param>
    /// <param name="link">Where in Safeguard to act, e.g. "/actions/{id}".</param>
    /// <param name="emailSubject">A subject with no personal data, e.g. "An action you own is overdue".</param>
    public async Task NotifyAsync(IEnumerable<Guid> recipients, string key, string text, string? link, string emailSubject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var ids = recipients.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var already = await db.Notifications.Where(n => ids.Contains(n.RecipientUserId) && n.Key == key)
            .Select(n => n.RecipientUserId).ToListAsync(cancellationToken);
        already.AddRange(db.Notifications.Local.Where(n => n.Key == key).Select(n => n.RecipientUserId));
        var users = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive && !already.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var now = db.Now;
        foreach (var user in users)
        {
            var notification = db.Notifications.Add(new Notification
            {
                RecipientUserId = user.Id,
                Key = key,
                Text = text,
                Link = link,
                CreatedAt = now,
            }).Entity;
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.Outbox.Add(new OutboxEmail
                {
                    NotificationId = notification.Id,
                    To = user.Email,
                    Subject = $"Safeguard: {emailSubject}",
                    Body = EmailBody(emailSubject, link),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
    }

    private string EmailBody(string subject, string? link)
    {
        var site = configuration["Email:SiteUrl"]?.TrimEnd('/') ?? "";
        var where = link is null ? "Sign in to Safeguard to see it." : $"Sign in to Safeguard to see it: {site}{link}";
        return $"{subject}.\n\n{where}\n\nThis email does not name the child or anyone else: the details are in Safeguard only.\n";
    }
}
