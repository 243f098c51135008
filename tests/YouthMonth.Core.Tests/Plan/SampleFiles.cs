using System.Text.Json;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

/// <summary>Reads samples/*.json from the repository (found by walking up to YouthMonth.sln).</summary>
internal static class SampleFiles
{
    public static PlanDocument Load(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln")))
                return JsonSerializer.Deserialize<PlanDocument>(File.ReadAllText(Path.Combine(dir.FullName, "samples", file)), PlanDocument.JsonOptions)!;
        throw new InvalidOperationException("YouthMonth.sln not found");
    }
}
