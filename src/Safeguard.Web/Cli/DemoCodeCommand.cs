using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard demo-code EMAIL`: the current authenticator code of a demo account, so someone trying the demo
/// needs no authenticator app. It refuses any account outside the demo domain.
/// </summary>
public static class DemoCodeCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1)
        {
            stderr.WriteLine("usage: ./safeguard demo-code EMAIL   (a demo account, e.g. " + DemoPartnership.EmailOf("csc.practitioner") + ")");
            return Task.FromResult(CommandLine.Usage);
        }
        var email = args[0].Contains('@', StringComparison.Ordinal) ? args[0] : DemoPartnership.EmailOf(args[0]);
        if (!email.EndsWith("@" + DemoPartnership.EmailDomain, StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"demo-code works only for demo accounts (@{DemoPartnership.EmailDomain}).");
            return Task.FromResult(CommandLine.Usage);
        }
        return HostCommands.WithDatabaseAsync([], "demo-code", requireMigrated: true, stderr, async (_, services, _) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            var key = user is null ? null : await users.GetAuthenticatorKeyAsync(user);
            if (key is null)
            {
                stderr.WriteLine($"No demo account {email} with an authenticator key. Has the demo been seeded (./build.sh run)?");
                return CommandLine.Failure;
            }
            // The clock the server checks codes against (the real one, as the user's phone has). Each code signs in
            // once: after a sign-in this half-minute, the next step's code (accepted one step early) is the one to use.
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var step = Math.Max(Totp.StepAt(now), (user!.LastAuthenticatorStep ?? long.MinValue) + 1);
            if (step > Totp.StepAt(now) + Totp.AllowedDrift)
            {
                var wait = Totp.StartOfStep(step - Totp.AllowedDrift) - now;
                stderr.WriteLine($"This account's codes up to the next one are used. Wait {Math.Ceiling(wait.TotalSeconds)} seconds and ask again.");
                return CommandLine.Failure;
            }
            stdout.WriteLine(Totp.CodeForStep(Totp.DecodeBase32(key), step));
            return CommandLine.Success;
        });
    }
}
