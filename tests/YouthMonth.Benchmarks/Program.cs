using System.Reflection;
using YouthMonth.Benchmarks;

// Runs one benchmark by name (see docs/benchmarks.md): scripts/bench.sh <name> [args]
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.WriteLine("Usage: scripts/bench.sh <benchmark> [args]\nBenchmarks:");
    foreach (var b in benchmarks.Values.OrderBy(b => b.Name)) Console.WriteLine($"  {b.Name,-20} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
return await benchmark.RunAsync(args[1..]);
