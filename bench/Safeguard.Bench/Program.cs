using BenchmarkDotNet.Running;
using Safeguard.Bench.Ledger;
using Safeguard.Bench.Matching;

namespace Safeguard.Bench;

/// <summary>
/// BenchmarkDotNet inner-loop benchmarks: dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*'
/// Whole-job scenarios on real databases and data: dotnet run -c Release --project bench/Safeguard.Bench -- scenario NAME ...
/// `evaluate` scores a linkage result against the truth for bench/matching.sh; `analyse` breaks its errors down.
/// (the bench/*.sh scripts run these and start what they need). Results are written up in docs/benchmarks/.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["evaluate", .. var evaluateArgs])
        {
            return Evaluate.Run(evaluateArgs);
        }
        if (args is ["analyse", .. var analyseArgs])
        {
            return Analyse.Run(analyseArgs);
        }
        if (args is ["scenario", var name, .. var rest])
        {
            return name switch
            {
                "ledger" => await LedgerScenario.RunAsync(rest),
                "intelligence" => await Intelligence.IntelligenceScenario.RunAsync(rest),
                "realtime-matching" => await RealtimeMatchingScenario.RunAsync(rest),
                _ => Unknown(name),
            };
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }

    private static int Unknown(string name)
    {
        Console.Error.WriteLine($"unknown scenario '{name}'");
        return 2;
    }
}
