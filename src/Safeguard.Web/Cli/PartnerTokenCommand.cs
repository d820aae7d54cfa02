using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard partner-token ...`: API tokens for partner systems, each scoped to one agency.
///   partner-token issue AGENCY-CODE NAME   prints the new token once (only its hash is kept)
///   partner-token list                     id, agency, name, issued, revoked
///   partner-token revoke ID                stops the token working at once
/// </summary>
public static class PartnerTokenCommand
{
    public const string Usage = "usage: ./safeguard partner-token issue AGENCY-CODE NAME | list | revoke ID";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return positional switch
        {
            ["issue", var agencyCode, .. var name] when name.Length > 0 => HostCommands.WithDatabaseAsync(args, "partner-token", requireMigrated: true, stderr, async (db, _, _) =>
            {
                var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == agencyCode);
                if (agency is null)
                {
                    stderr.WriteLine($"No agency with code '{agencyCode}'. Agencies: {string.Join(", ", await db.Agencies.OrderBy(a => a.Code).Select(a => a.Code).ToListAsync())}.");
                    return CommandLine.Failure;
                }
                var token = PartnerTokenAuthentication.NewToken();
                var issued = new PartnerToken { AgencyId = agency.Id, Name = string.Join(' ', name), TokenHash = PartnerTokenAuthentication.Hash(token), CreatedAt = db.Now };
                db.PartnerTokens.Add(issued);
                await db.SaveChangesAsync();
                stdout.WriteLine(token);
                stderr.WriteLine($"Token {issued.Id} for {agency.Name} ({issued.Name}). It is shown only now: Safeguard keeps only its hash.");
                return CommandLine.Success;
            }),
            ["list"] => HostCommands.WithDatabaseAsync(args, "partner-token", requireMigrated: true, stderr, async (db, _, _) =>
            {
                var tokens = await db.PartnerTokens.AsNoTracking().Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t, a.Code }).ToListAsync();
                foreach (var x in tokens.OrderBy(x => x.t.CreatedAt))
                {
                    var revoked = x.t.RevokedAt is { } at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "-";
                    stdout.WriteLine($"{x.t.Id}\t{x.Code}\t{x.t.Name}\t{x.t.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\t{revoked}");
                }
                return CommandLine.Success;
            }),
            ["revoke", var id] when Id<PartnerToken>.TryParse(id, null, out var tokenId) => HostCommands.WithDatabaseAsync(args, "partner-token", requireMigrated: true, stderr, async (db, _, _) =>
            {
                var token = await db.PartnerTokens.SingleOrDefaultAsync(t => t.Id == tokenId);
                if (token is null)
                {
                    stderr.WriteLine($"No token {id}.");
                    return CommandLine.Failure;
                }
                token.RevokedAt ??= db.Now;
                await db.SaveChangesAsync();
                stdout.WriteLine($"Revoked {token.Id} ({token.Name}).");
                return CommandLine.Success;
            }),
            _ => Task.FromResult(UsageError(stderr)),
        };
    }

    private static int UsageError(TextWriter stderr)
    {
        stderr.WriteLine(Usage);
        return CommandLine.Usage;
    }
}
