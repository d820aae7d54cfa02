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

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length == 0 ? "serve" : args[0];
        var rest = args.Length == 0 ? [] : args[1..];
        var stdout = Console.Out;
        var stderr = Console.Error;
        switch (verb)
        {
            case "help" or "--help" or "-h":
                stdout.WriteLine(HelpText);
                return Success;
            case "link":
                return LinkCommand.Run(rest, stdout, stderr);
            case "generate":
                return GenerateCommand.Run(rest, stdout, stderr);
            default:
                await Task.CompletedTask;
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
          ledger verify              check the ledger and access-log chains against the last checkpoint
          ledger checkpoint          write the chains' heads outside the database
          link                       find the same person within one CSV or across two (link --help)
          generate persons           fictional people as several agencies would record them, with the truth
        """;
}
