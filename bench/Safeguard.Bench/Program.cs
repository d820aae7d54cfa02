using BenchmarkDotNet.Running;
using Safeguard.Bench.Matching;

namespace Safeguard.Bench;

// BenchmarkDotNet inner-loop benchmarks: dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*'
// Whole-job scenarios (linkage, networks, ledger) are scripted under bench/ and written up in docs/benchmarks/.
// `evaluate` scores a linkage result against the truth for bench/matching.sh.
public static class BenchProgram
{
    public static int Main(string[] args)
    {
        if (args is ["evaluate", .. var rest])
        {
            return Evaluate.Run(rest);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
