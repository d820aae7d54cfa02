namespace Safeguard.Web.Cli;

/// <summary>
/// Dispatches `./safeguard VERB ...`. Verbs that need no database (link, network, language, calendar,
/// generate) run straight away; the rest build the application's services first.
/// Exit codes: 0 success, 1 the check or job failed, 2 the command line was wrong.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return await DispatchAsync(args, stdout, stderr);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The type only, never the message: it may quote data from the database or an input file.
            stderr.WriteLine($"safeguard: the command failed ({exception.GetType().Name}). Nothing was changed by the failed step.");
            return Failure;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verb = args.Length == 0 ? "serve" : args[0];
        var rest = args.Length == 0 ? [] : args[1..];
        switch (verb)
        {
            case "help" or "--help" or "-h":
                stdout.WriteLine(HelpText);
                return Success;
            case "serve" or "--demo" or "--urls":
                return await HostCommands.ServeAsync(verb == "serve" ? rest : args, stdout, stderr);
            case "migrate":
                return await HostCommands.MigrateAsync(rest, stdout, stderr);
            case "seed":
                return await HostCommands.SeedAsync(rest, stdout, stderr);
            case "ledger":
                return await HostCommands.LedgerAsync(rest, stdout, stderr);
            case "demo-code":
                return await DemoCodeCommand.RunAsync(rest, stdout, stderr);
            case "calendar":
                return CalendarCommand.Run(rest, stdout, stderr);
            case "language":
                return LanguageCommand.Run(rest, Console.In, stdout, stderr);
            case "network":
                return NetworkCommand.Run(rest, stdout, stderr);
            case "generate" when rest is ["network", ..]:
                return GenerateNetworkCommand.Run(rest[1..], stdout, stderr);
            case "link":
                return LinkCommand.Run(rest, stdout, stderr);
            case "generate":
                return GenerateCommand.Run(rest, stdout, stderr);
            case "partner-token":
                return await PartnerTokenCommand.RunAsync(rest, stdout, stderr);
            case "match":
                return await MatchCommand.RunAsync(rest, stdout, stderr);
            default:
                stderr.WriteLine($"Unknown verb '{verb}'.");
                stderr.WriteLine(HelpText);
                return Usage;
        }
    }

    private const string HelpText = """
        Usage: ./safeguard VERB [options]

          serve                      run the web application (the default)
          migrate                    apply database migrations
          seed                       add the demo partnership (demo mode only)
          ledger verify              check the ledger and access-log chains against every signed witness
          ledger checkpoint          witness the chains' new entries and heads outside the database, signed
          demo-code EMAIL            print a demo account's current authenticator code (demo accounts only)
          calendar add-working-days DATE-TIME N [--end] | calendar holidays YEAR   working days (England and Wales)
          language check [--file FILE] [--bank FILE]   flag victim-blaming phrases: line:column<TAB>phrase<TAB>reason<TAB>suggestion
          network groups|measures|score  suspected organised networks, network measures, group scores (CSV in and out)
          generate network           a synthetic town with planted groups: --persons N --out DIR [--seed S]
          link                       find the same person within one CSV or across two (link --help)
          generate persons           fictional people as several agencies would record them, with the truth
          partner-token issue AGENCY-CODE NAME | list | revoke ID   API tokens for partner systems (one agency each)
          match reindex|train|status real-time matching: rebuild the keys, estimate the model from the store
        """;
}
