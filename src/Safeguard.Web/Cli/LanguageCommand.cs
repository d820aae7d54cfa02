using System.Text;
using System.Text.RegularExpressions;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Features.Language;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard language check [--file FILE] [--bank FILE]`: the language check for training material and audits.
/// Prints one line per flagged phrase: line:column TAB phrase as written TAB reason TAB better words; nothing for
/// clean text. Flags are advice, so finding some is still success (exit 0).
/// </summary>
public static partial class LanguageCommand
{
    public const string Usage = """
        Usage: ./safeguard language check [--file FILE] [--bank FILE]
          Checks text (standard input unless --file) against the phrase bank (the default unless --bank, a JSON
          phrase bank). Prints one line per flagged phrase, nothing for clean text:
            line:column<TAB>phrase<TAB>reason<TAB>suggestion
          Lines and columns count from 1; columns count Unicode characters (scalar values). The phrase is the
          words as written, with line breaks inside it shown as spaces. Exit 0 whether or not anything is flagged.
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        string? file = null;
        string? bankFile = null;
        if (args.Length == 0 || args[0] != "check")
        {
            return UsageError(stderr, args.Length == 0 ? "Say what to do: language check." : $"Unknown language command '{args[0]}'.");
        }
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--file" when i + 1 < args.Length:
                    file = args[++i];
                    break;
                case "--bank" when i + 1 < args.Length:
                    bankFile = args[++i];
                    break;
                default:
                    return UsageError(stderr, args[i] is "--file" or "--bank" ? $"{args[i]} needs a file name." : $"Unexpected '{args[i]}'.");
            }
        }

        try
        {
            var checker = LanguageChecker.Default;
            if (bankFile is not null)
            {
                // The same reading and validation as the web app's Language:BankPath.
                var (custom, problems) = LanguageBank.Read(bankFile);
                if (custom is null)
                {
                    stderr.WriteLine($"The phrase bank {bankFile} cannot be used:");
                    foreach (var problem in problems)
                    {
                        stderr.WriteLine($"  {problem}");
                    }
                    return CommandLine.Failure;
                }
                checker = custom;
            }

            using var reader = file is null ? null : new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Check(checker, reader ?? stdin, stdout);
            return CommandLine.Success;
        }
        catch (IOException e)
        {
            stderr.WriteLine(e.Message);
            return CommandLine.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine(e.Message);
            return CommandLine.Failure;
        }
    }

    /// <summary>
    /// Checks the text a paragraph at a time, so memory stays bounded by the longest paragraph whatever the size of
    /// the input. A blank line ends a sentence for the checker too, so the flags are exactly those of the whole.
    /// </summary>
    private static void Check(LanguageChecker checker, TextReader input, TextWriter stdout)
    {
        var paragraph = new StringBuilder();
        var firstLine = 1;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            paragraph.Append(line).Append('\n');
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
        }
        Flush();

        void Flush()
        {
            foreach (var flag in checker.Check(paragraph.ToString()))
            {
                var phrase = Whitespace().Replace(flag.Text, " ");
                stdout.WriteLine($"{firstLine + flag.Line - 1}:{flag.Column}\t{phrase}\t{flag.Reason}\t{flag.Suggestion}");
            }
            paragraph.Clear();
            firstLine = lineNumber + 1;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        stderr.WriteLine(Usage);
        return CommandLine.Usage;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
