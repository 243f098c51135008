namespace YouthMonth.Benchmarks;

/// <summary>Latency percentiles as the benchmark tables print them (nearest rank on sorted milliseconds).</summary>
internal static class Percentiles
{
    public static double Of(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
