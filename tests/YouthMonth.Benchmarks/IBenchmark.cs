namespace YouthMonth.Benchmarks;

/// <summary>A benchmark the runner finds by name; it prints its results as a Markdown table.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
