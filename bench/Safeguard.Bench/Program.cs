using BenchmarkDotNet.Running;

namespace Safeguard.Bench;

// BenchmarkDotNet inner-loop benchmarks: dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*'
// Whole-job scenarios (linkage, networks, ledger) are scripted under bench/ and written up in docs/benchmarks/.
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
